package dev.gen4j.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/** The verification the passes' tests rely on does find broken code. */
class BytecodeTest {
    @Test
    void verificationReportsAnIntReturnedAsAReference() {
        assertTrue(report(m -> m.visitInsn(ICONST_0)).contains("Expected an object reference, but found I"));
    }

    @Test
    void verificationChecksReferenceTypesAgainstTheStubRuntime() {
        assertTrue(report(m -> m.visitLdcInsn("text")).contains("Incompatible return type"));
    }

    @Test
    void verificationPassesACorrectMethod() {
        assertEquals("", report(m -> m.visitInsn(ACONST_NULL)));
    }

    private static String report(java.util.function.Consumer<MethodVisitor> push) {
        return Bytecode.verify(Map.of("sample/Broken", classReturning(push))).get("sample/Broken");
    }

    /** A class whose method {@code Gen m()} returns what {@code push} pushes. */
    private static byte[] classReturning(java.util.function.Consumer<MethodVisitor> push) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(V17, ACC_PUBLIC | ACC_SUPER, "sample/Broken", null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(ACC_STATIC, "m", "()" + Bytecode.GEN_DESC, null, null);
        m.visitCode();
        push.accept(m);
        m.visitInsn(ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
