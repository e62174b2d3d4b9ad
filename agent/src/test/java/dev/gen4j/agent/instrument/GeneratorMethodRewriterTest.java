package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.HOST;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldFrom;
import static dev.gen4j.agent.testing.Bytecode.yieldNothing;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.testing.Bytecode;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/** The whole rewrite of one method: what it writes verifies, and what it cannot rewrite it refuses. */
class GeneratorMethodRewriterTest {
    private static final ClassFacts FACTS = new ClassFacts(HOST, "Host.java", V17, Set.of());

    @Test
    void aGeneratorWithLocalsOfEveryKindWaitingValuesAndATryBlockVerifiesAfterItsRewrite() throws Exception {
        assertVerifies(ACC_STATIC, "(IJDLjava/lang/String;)" + GEN_DESC, false, mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
            mv.visitLabel(start);
            // Stack: long, double waiting below the yielded String
            mv.visitVarInsn(LLOAD, 1);
            mv.visitVarInsn(DLOAD, 3);
            mv.visitVarInsn(ALOAD, 5);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(ALOAD, 5);
            yieldNow(mv);
            mv.visitInsn(POP2);
            mv.visitLabel(end);
            returnDone(mv);
            mv.visitLabel(handler);
            mv.visitVarInsn(ASTORE, 6);
            mv.visitVarInsn(ALOAD, 6);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(LLOAD, 1);
            mv.visitVarInsn(DLOAD, 3);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP);
            returnDone(mv);
        });
    }

    @Test
    void anInstanceGeneratorThatDelegatesVerifiesAfterItsRewrite() throws Exception {
        assertVerifies(0, "(" + GEN_DESC + ")" + GEN_DESC, false, mv -> {
            mv.visitVarInsn(ALOAD, 1);
            yieldFrom(mv);
            mv.visitInsn(POP);
            yieldNothing(mv);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(POP);
            returnDone(mv);
        });
    }

    @Test
    void aGeneratorLambdaVerifiesAfterItsRewrite() throws Exception {
        assertVerifies(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, "(Ljava/lang/String;)V", true, mv -> {
            mv.visitVarInsn(ALOAD, 0);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitInsn(RETURN);
        });
    }

    @Test
    void anObjectCreatedAroundAYieldVerifiesAfterItsRewrite() throws Exception {
        assertVerifies(ACC_STATIC, "()" + GEN_DESC, false, mv -> {
            mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
            mv.visitInsn(DUP);
            mv.visitLdcInsn("v");
            yieldNow(mv);
            mv.visitTypeInsn(CHECKCAST, "java/lang/String");
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
            yieldNow(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
    }

    @Test
    void manyYieldsGetStatesBeyondWhatOneByteHolds() throws Exception {
        assertVerifies(ACC_STATIC, "()" + GEN_DESC, false, mv -> {
            for (int i = 0; i < 200; i++) {
                yieldNothing(mv);
                mv.visitInsn(POP);
            }
            returnDone(mv);
        });
    }

    @Test
    void aYieldInsideASynchronizedBlockIsRefusedAtItsLine() {
        MethodNode m = method(ACC_STATIC, "g", "(Ljava/lang/Object;)" + GEN_DESC, mv -> {
            Label line = new Label();
            mv.visitLabel(line);
            mv.visitLineNumber(21, line);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(MONITORENTER);
            yieldNothing(mv);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(MONITOREXIT);
            returnDone(mv);
        });
        InstrumentationException e = assertThrows(InstrumentationException.class,
                () -> GeneratorMethodRewriter.rewrite(FACTS, m, HOST + "~g", Bytecode.hierarchy(), false));
        assertTrue(e.getMessage().contains("(Host.java:21)") && e.getMessage().contains("synchronized block"),
                e.getMessage());
    }

    @Test
    void aGeneratorThatDoesNotReturnGenIsRefused() {
        MethodNode m = method(ACC_STATIC, "g", "()Ljava/util/Iterator;", mv -> {
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        });
        InstrumentationException e = assertThrows(InstrumentationException.class,
                () -> GeneratorMethodRewriter.rewrite(FACTS, m, HOST + "~g", Bytecode.hierarchy(), false));
        assertTrue(e.getMessage().contains("java.util.Iterator"), e.getMessage());
    }

    /** Rewrites the method, writes the host (factory and body) and the frame class, and verifies both. */
    private static void assertVerifies(int access, String descriptor, boolean lambda, Consumer<MethodVisitor> code)
            throws Exception {
        ClassHierarchy hierarchy = Bytecode.hierarchy();
        MethodNode m = method(access, "g", descriptor, code);
        GeneratorMethodRewriter.Rewritten rewritten = GeneratorMethodRewriter.rewrite(FACTS, m, HOST + "~g",
                hierarchy, lambda);
        ClassWriter host = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return hierarchy.commonSuperClass(a, b);
            }
        };
        host.visit(V17, ACC_PUBLIC | ACC_SUPER, HOST, null, "java/lang/Object", null);
        MethodVisitor factory = host.visitMethod(access, "g", descriptor, null, null);
        FactoryEmitter.emit(factory, rewritten.frame(), rewritten.frameClassBytes(), lambda);
        factory.visitEnd();
        rewritten.body().accept(host);
        host.visitEnd();
        Map<String, String> reports = Bytecode.verify(Map.of(HOST, host.toByteArray(),
                rewritten.frame().name(), rewritten.frameClassBytes()));
        assertEquals(Map.of(HOST, "", rewritten.frame().name(), ""), reports);
    }
}
