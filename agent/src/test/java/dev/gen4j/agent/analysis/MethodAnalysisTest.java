package dev.gen4j.agent.analysis;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.HOST;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldFrom;
import static dev.gen4j.agent.testing.Bytecode.yieldNothing;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.objectweb.asm.Opcodes.*;

import dev.gen4j.agent.testing.Bytecode;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

class MethodAnalysisTest {
    private static final String GENERATOR = "()" + GEN_DESC;

    @Test
    void yieldSitesAreFoundInInstructionOrderWithTheirKindAndLine() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(" + GEN_DESC + ")" + GEN_DESC, mv -> {
            line(mv, 10);
            yieldNothing(mv);
            mv.visitInsn(POP);
            line(mv, 11);
            mv.visitLdcInsn("v");
            yieldNow(mv);
            mv.visitInsn(POP);
            line(mv, 12);
            mv.visitVarInsn(ALOAD, 0);
            yieldFrom(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        List<YieldSite> sites = analyze(m).yieldSites();
        assertEquals(List.of(YieldSite.Kind.NOW, YieldSite.Kind.NOW_VALUE, YieldSite.Kind.FROM),
                sites.stream().map(YieldSite::kind).toList());
        assertEquals(List.of(10, 11, 12), sites.stream().map(YieldSite::line).toList());
        assertEquals(List.of(0, 1, 1), sites.stream().map(s -> s.kind().arguments()).toList());
    }

    @Test
    void aYieldInCodeThatCannotRunIsNoSite() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", GENERATOR, mv -> {
            returnDone(mv);
            mv.visitLdcInsn("never");
            yieldNow(mv);
            mv.visitInsn(ARETURN);
        });
        assertEquals(List.of(), analyze(m).yieldSites());
    }

    @Test
    void theFrameAtASiteHasThePreciseTypesOfTheLocalsAndOfTheValuesWaitingBelowTheArgument() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(I)" + GEN_DESC, mv -> {
            mv.visitLdcInsn("text");
            mv.visitVarInsn(ASTORE, 1);
            mv.visitLdcInsn(2L);
            mv.visitVarInsn(LSTORE, 2);
            // Stack: int n, String text (the argument)
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(LLOAD, 2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        YieldSite site = analyze(m).yieldSites().get(0);
        Frame<BasicValue> frame = site.frame();
        assertEquals("I", frame.getLocal(0).getType().getDescriptor());
        assertEquals("Ljava/lang/String;", frame.getLocal(1).getType().getDescriptor());
        assertEquals("J", frame.getLocal(2).getType().getDescriptor());
        assertEquals(1, site.savedStackSize());
        assertEquals("I", frame.getStack(0).getType().getDescriptor());
        assertEquals("Ljava/lang/String;", frame.getStack(1).getType().getDescriptor());
    }

    @Test
    void aLocalIsLiveAtAYieldOnlyIfSomePathReadsItBeforeAssigningIt() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(II)" + GEN_DESC, mv -> {
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            // Local 0 is read, local 1 assigned before it is read.
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(ISTORE, 1);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        assertEquals(bits(0), analyze(m).yieldSites().get(0).liveLocals());
    }

    @Test
    void aLocalReadOnlyInACatchHandlerIsLiveAtAYieldInTheTryBlock() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(I)" + GEN_DESC, mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
            mv.visitLabel(start);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitLabel(end);
            returnDone(mv);
            mv.visitLabel(handler);
            mv.visitInsn(POP);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        assertEquals(bits(0), analyze(m).yieldSites().get(0).liveLocals());
    }

    @Test
    void aYieldInsideASynchronizedBlockHoldsAMonitorAndOneAfterItNone() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(Ljava/lang/Object;)" + GEN_DESC, mv -> {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(MONITORENTER);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(MONITOREXIT);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        MethodAnalysis analysis = analyze(m);
        List<YieldSite> sites = analysis.yieldSites();
        assertEquals(1, analysis.monitorDepth(sites.get(0).call()));
        assertEquals(0, analysis.monitorDepth(sites.get(1).call()));
    }

    @Test
    void referencesMergedWhereBranchesJoinTakeTheirCommonSuperclass() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(Z)" + GEN_DESC, mv -> {
            Label otherwise = new Label();
            Label join = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitJumpInsn(IFEQ, otherwise);
            mv.visitInsn(ICONST_1);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitJumpInsn(GOTO, join);
            mv.visitLabel(otherwise);
            mv.visitInsn(LCONST_0);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitLabel(join);
            mv.visitVarInsn(ALOAD, 1);
            yieldNow(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        assertEquals("java/lang/Number", analyze(m).yieldSites().get(0).frame().getLocal(1).getType().getInternalName());
    }

    @Test
    void nullMergedWithAReferenceKeepsTheReferenceType() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(Z)" + GEN_DESC, mv -> {
            Label otherwise = new Label();
            Label join = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitJumpInsn(IFEQ, otherwise);
            mv.visitLdcInsn("text");
            mv.visitVarInsn(ASTORE, 1);
            mv.visitJumpInsn(GOTO, join);
            mv.visitLabel(otherwise);
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitLabel(join);
            mv.visitVarInsn(ALOAD, 1);
            yieldNow(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        assertEquals("java/lang/String", analyze(m).yieldSites().get(0).frame().getLocal(1).getType().getInternalName());
    }

    @Test
    void anElementLoadedFromAnArrayHasTheArraysElementType() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "([Ljava/lang/String;)" + GEN_DESC, mv -> {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(ICONST_0);
            mv.visitInsn(AALOAD);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        assertEquals("java/lang/String", analyze(m).yieldSites().get(0).frame().getStack(0).getType().getInternalName());
    }

    @Test
    void onlyTheThreeYieldCallsAreYields() {
        assertEquals(YieldSite.Kind.NOW, MethodAnalysis.yieldKind(call("dev/gen4j/Yield", "now", "()Ljava/lang/Object;")));
        assertNull(MethodAnalysis.yieldKind(call("dev/gen4j/Yield", "now", "(I)Ljava/lang/Object;")));
        assertNull(MethodAnalysis.yieldKind(call("dev/gen4j/Yield", "later", "()Ljava/lang/Object;")));
        assertNull(MethodAnalysis.yieldKind(call("other/Yield", "now", "()Ljava/lang/Object;")));
    }

    private static MethodInsnNode call(String owner, String name, String descriptor) {
        return new MethodInsnNode(INVOKESTATIC, owner, name, descriptor, false);
    }

    private static MethodAnalysis analyze(MethodNode m) throws Exception {
        return MethodAnalysis.of(HOST, m, Bytecode.hierarchy());
    }

    private static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }
}
