package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.listing;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.opcodes;
import static dev.gen4j.agent.testing.Bytecode.opcodesFrom;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldFrom;
import static dev.gen4j.agent.testing.Bytecode.yieldNothing;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The code that takes a Yield call's place, and the code that restores what it saved. */
class YieldReplacerTest {
    private static final String RESUMED = "INVOKESTATIC dev/gen4j/runtime/GenProtocol.resumed (Ldev/gen4j/Gen;)Ljava/lang/Object;";

    /** static g(int n): s = "s"; Yield.now(s) with n waiting below it; n = (the waiting n); s is read. */
    private final MethodNode method = method(ACC_STATIC, "g", "(I)" + GEN_DESC, mv -> {
        mv.visitLdcInsn("s");
        mv.visitVarInsn(ASTORE, 1);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        yieldNow(mv);
        mv.visitInsn(POP);
        mv.visitVarInsn(ISTORE, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitInsn(POP);
        returnDone(mv);
    });

    @Test
    void aYieldSavesItsStackAndLiveLocalsSetsTheStateReturnsTheValueAndResumesInPlaceOfTheCall() throws Exception {
        Planned p = Planned.of(method);
        // Body locals: 0 the frame as Gen, 1 n, 2 s, 3 the frame as its class, 4 the yielded value.
        // No local variable table: the fields keep their kinds' names.
        LocalShift.apply(method, p.locals());
        new YieldReplacer(method, p.code()).replace(p.plan().yields().get(0));
        assertEquals(List.of(
                "LDC \"s\"", "ASTORE 2", "ILOAD 1", "ALOAD 2",
                "ASTORE 4",
                "ALOAD 3", "SWAP", "PUTFIELD sample/Host~g.i0 : I",
                "ALOAD 3", "ALOAD 2", "PUTFIELD sample/Host~g.a0 : Ljava/lang/Object;",
                "ALOAD 3", "ICONST_1", "PUTFIELD sample/Host~g.state : I",
                "ALOAD 4", "ARETURN",
                "ALOAD 0", RESUMED,
                "POP", "ISTORE 1", "ALOAD 2", "POP",
                "INVOKESTATIC dev/gen4j/Gen.done ()Ldev/gen4j/Gen;", "ARETURN"), opcodes(method.instructions));
    }

    @Test
    void theRestoreCodeRefillsTheLocalsAndTheStackThenJumpsToTheResumption() throws Exception {
        Planned p = Planned.of(method);
        LocalShift.apply(method, p.locals());
        YieldReplacer.Restore restore = new YieldReplacer(method, p.code()).replace(p.plan().yields().get(0));
        assertSame(restore.start(), restore.code().getFirst());
        assertEquals(List.of(
                "L0",
                "ALOAD 3", "GETFIELD sample/Host~g.a0 : Ljava/lang/Object;", "CHECKCAST java/lang/String", "ASTORE 2",
                "ALOAD 3", "GETFIELD sample/Host~g.i0 : I",
                "GOTO L1"), listing(restore.code()));
        LabelNode resumption = ((JumpInsnNode) restore.code().getLast()).label;
        assertEquals("ALOAD 0", opcodesFrom(resumption.getNext()).get(0));
        assertEquals(RESUMED, opcodesFrom(resumption.getNext().getNext()).get(0));
    }

    @Test
    void aWideWaitingValueIsMovedUnderTheFrameWithDupX2() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            mv.visitInsn(LCONST_1);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitInsn(POP2);
            returnDone(mv);
        });
        Planned p = Planned.of(m);
        new YieldReplacer(m, p.code()).replace(p.plan().yields().get(0));
        assertEquals(List.of("LCONST_1", "ACONST_NULL", "ASTORE 2",
                "ALOAD 1", "DUP_X2", "POP", "PUTFIELD sample/Host~g.j0 : J"),
                opcodes(m.instructions).subList(0, 7));
    }

    @Test
    void yieldFromReturnsTheDelegateMarkedByTheProtocol() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(" + GEN_DESC + ")" + GEN_DESC, mv -> {
            mv.visitVarInsn(ALOAD, 0);
            yieldFrom(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        Planned p = Planned.of(m);
        LocalShift.apply(m, p.locals());
        new YieldReplacer(m, p.code()).replace(p.plan().yields().get(0));
        // The argument's field a0 is not used at the yield (nothing reads the delegate after it): released.
        assertEquals(List.of("ALOAD 1", "ASTORE 3",
                "ALOAD 2", "ACONST_NULL", "PUTFIELD sample/Host~g.a0 : Ljava/lang/Object;",
                "ALOAD 2", "ICONST_1", "PUTFIELD sample/Host~g.state : I",
                "ALOAD 0", "ALOAD 3",
                "INVOKESTATIC dev/gen4j/runtime/GenProtocol.delegate (Ldev/gen4j/Gen;Ldev/gen4j/Gen;)Ljava/lang/Object;",
                "ARETURN", "ALOAD 0", RESUMED), opcodes(m.instructions).subList(0, 14));
    }

    @Test
    void aYieldWithoutAValueYieldsNullAndAPointClearsTheObjectFieldsItDoesNotUse() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            mv.visitLdcInsn("kept");
            mv.visitVarInsn(ASTORE, 0);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(POP);
            yieldNothing(mv);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        Planned p = Planned.of(m);
        YieldReplacer replacer = new YieldReplacer(m, p.code());
        replacer.replace(p.plan().yields().get(0));
        MethodInsnNode second = p.plan().yields().get(1).site().call();
        LabelNode before = new LabelNode();
        m.instructions.insertBefore(second, before);
        replacer.replace(p.plan().yields().get(1));
        List<String> code = opcodesFrom(before.getNext());
        assertEquals(List.of(
                "ALOAD 2", "ACONST_NULL", "PUTFIELD sample/Host~g.a0 : Ljava/lang/Object;",
                "ALOAD 2", "ICONST_2", "PUTFIELD sample/Host~g.state : I",
                "ACONST_NULL", "ARETURN", "ALOAD 0", RESUMED), code.subList(0, 10));
    }
}
