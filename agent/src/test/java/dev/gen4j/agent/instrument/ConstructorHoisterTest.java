package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.HOST;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.opcodes;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

/** Creations with a yield among their arguments: the uninitialized object moves after the arguments. */
class ConstructorHoisterTest {
    private static final String INIT = "INVOKESPECIAL java/util/AbstractMap$SimpleEntry.<init> (Ljava/lang/Object;Ljava/lang/Object;)V";
    private final ErrorSite errors = new ErrorSite(HOST, "g", "()" + GEN_DESC, "Host.java", 3);

    @Test
    void theCreationOfAnObjectWithAYieldInItsArgumentsMovesBehindTheArguments() throws Exception {
        // new SimpleEntry("key", Yield.now("v"))
        MethodNode m = creation(true);
        ConstructorHoister.hoist(m, errors);
        assertEquals(List.of(
                "LDC \"key\"", "LDC \"v\"",
                "INVOKESTATIC dev/gen4j/Yield.now (Ljava/lang/Object;)Ljava/lang/Object;",
                "ASTORE 1", "ASTORE 0",
                "NEW java/util/AbstractMap$SimpleEntry", "DUP", "ALOAD 0", "ALOAD 1", INIT,
                "ARETURN"), opcodes(m.instructions));
        assertEquals(2, m.maxLocals);
    }

    @Test
    void aCreationWithoutAYieldInItsArgumentsStaysAsItIs() throws Exception {
        MethodNode m = creation(false);
        List<String> before = opcodes(m.instructions);
        ConstructorHoister.hoist(m, errors);
        assertEquals(before, opcodes(m.instructions));
    }

    @Test
    void aCreationAroundAYieldThatIsNotNewDupIsRefusedAtItsLine() {
        MethodNode m = method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            org.objectweb.asm.Label line = new org.objectweb.asm.Label();
            mv.visitLabel(line);
            mv.visitLineNumber(12, line);
            // An object created, a yield, then its constructor: no DUP to move along.
            mv.visitTypeInsn(NEW, "java/lang/Object");
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        });
        InstrumentationException e = assertThrows(InstrumentationException.class, () -> ConstructorHoister.hoist(m, errors));
        assertTrue(e.getMessage().contains("(Host.java:12)"), e.getMessage());
    }

    /** {@code new SimpleEntry("key", v)}, v a yield's result or a constant. */
    private static MethodNode creation(boolean yieldInArguments) {
        return method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            mv.visitTypeInsn(NEW, "java/util/AbstractMap$SimpleEntry");
            mv.visitInsn(DUP);
            mv.visitLdcInsn("key");
            mv.visitLdcInsn("v");
            if (yieldInArguments) {
                yieldNow(mv);
            }
            mv.visitMethodInsn(INVOKESPECIAL, "java/util/AbstractMap$SimpleEntry", "<init>",
                    "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
            mv.visitInsn(ARETURN);
        });
    }
}
