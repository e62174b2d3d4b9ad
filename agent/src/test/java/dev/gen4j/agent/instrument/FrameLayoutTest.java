package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.HOST;
import static dev.gen4j.agent.testing.Bytecode.local;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.gen4j.agent.analysis.MethodAnalysis;
import dev.gen4j.agent.testing.Bytecode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/** The plan FrameLayout makes: which values each point keeps, in which fields, under which names. */
class FrameLayoutTest {
    @Test
    void theEntryKeepsEveryArgumentInAFieldOfItsKindNamedAfterIt() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "(IJLjava/lang/String;)" + GEN_DESC, mv -> {
            Label start = new Label();
            Label end = new Label();
            mv.visitLabel(start);
            returnDone(mv);
            mv.visitLabel(end);
            local(mv, "n", "I", start, end, 0);
            local(mv, "total", "J", start, end, 1);
            local(mv, "text", "Ljava/lang/String;", start, end, 3);
        });
        assertEquals(List.of(
                new Snapshot.SavedLocal(0, new Slot(Slot.Kind.INT, "n", null)),
                new Snapshot.SavedLocal(1, new Slot(Slot.Kind.LONG, "total", null)),
                new Snapshot.SavedLocal(3, new Slot(Slot.Kind.REF, "text", "java/lang/String"))),
                plan.entry().locals());
        assertEquals(List.of("n:I", "total:J", "text:Ljava/lang/Object;"), fields(plan));
    }

    @Test
    void withoutALocalVariableTableFieldsHaveTheirKindsNames() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "(IIDLjava/lang/Object;)" + GEN_DESC, Bytecode::returnDone);
        assertEquals(List.of("i0:I", "i1:I", "d0:D", "a0:Ljava/lang/Object;"), fields(plan));
        // An Object needs no cast on restore.
        assertEquals(null, plan.entry().locals().get(3).slot().castTo());
    }

    @Test
    void anInstanceMethodsThisIsNotKept() throws Exception {
        FramePlan plan = plan(0, "(I)" + GEN_DESC, Bytecode::returnDone);
        assertEquals(List.of(new Snapshot.SavedLocal(1, new Slot(Slot.Kind.INT, "i0", null))), plan.entry().locals());
    }

    @Test
    void aYieldKeepsTheLiveLocalsAndTheValuesWaitingBelowItsArgumentButNotTheArgument() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "(I)" + GEN_DESC, mv -> {
            mv.visitLdcInsn("kept");
            mv.visitVarInsn(ASTORE, 1);
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, 2);
            // Stack: long (waiting), String (the argument)
            mv.visitInsn(LCONST_1);
            mv.visitVarInsn(ALOAD, 1);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitInsn(POP2);
            // Local 1 is read after the yield; 0 is not, and 2 is assigned first.
            mv.visitVarInsn(ALOAD, 1);
            mv.visitInsn(POP);
            mv.visitInsn(ICONST_1);
            mv.visitVarInsn(ISTORE, 2);
            returnDone(mv);
        });
        YieldPlan yield = plan.yields().get(0);
        assertEquals(1, yield.state());
        assertEquals(List.of(new Snapshot.SavedLocal(1, new Slot(Slot.Kind.REF, "a0", "java/lang/String"))),
                yield.saved().locals());
        assertEquals(List.of(new Slot(Slot.Kind.LONG, "j0", null)), yield.saved().stack());
    }

    @Test
    void pointsShareFieldsSoTheFrameHasAsManyOfAKindAsTheMostDemandingPointNeeds() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "()" + GEN_DESC, mv -> {
            // Yield 1 keeps two ints, yield 2 one int and one String.
            mv.visitInsn(ICONST_1);
            mv.visitVarInsn(ISTORE, 0);
            mv.visitInsn(ICONST_2);
            mv.visitVarInsn(ISTORE, 1);
            yieldAndDrop(mv);
            read(mv, ILOAD, 0, ILOAD, 1);
            mv.visitLdcInsn("s");
            mv.visitVarInsn(ASTORE, 2);
            yieldAndDrop(mv);
            read(mv, ILOAD, 0, ALOAD, 2);
            returnDone(mv);
        });
        assertEquals(List.of("i0:I", "i1:I", "a0:Ljava/lang/Object;"), fields(plan));
        assertEquals(List.of(1, 2), plan.yields().stream().map(YieldPlan::state).toList());
        assertEquals(List.of("i0", "i1"), fieldsOf(plan.yields().get(0).saved()));
        assertEquals(List.of("i0", "a0"), fieldsOf(plan.yields().get(1).saved()));
    }

    @Test
    void aPointReleasesTheObjectFieldsItDoesNotUse() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "()" + GEN_DESC, mv -> {
            mv.visitLdcInsn("a");
            mv.visitVarInsn(ASTORE, 0);
            mv.visitLdcInsn("b");
            mv.visitVarInsn(ASTORE, 1);
            yieldAndDrop(mv);
            read(mv, ALOAD, 0, ALOAD, 1);
            yieldAndDrop(mv);
            returnDone(mv);
        });
        assertEquals(List.of(), plan.yields().get(0).released());
        assertEquals(List.of("a0", "a1"), plan.yields().get(1).released());
    }

    @Test
    void aFieldHoldingTwoLocalsOrAStackValueKeepsItsKindsName() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "()" + GEN_DESC, mv -> {
            Label start = new Label();
            Label middle = new Label();
            Label end = new Label();
            mv.visitLabel(start);
            mv.visitInsn(ICONST_1);
            mv.visitVarInsn(ISTORE, 0);
            mv.visitInsn(ICONST_2);
            mv.visitVarInsn(ISTORE, 1);
            yieldAndDrop(mv);
            read(mv, ILOAD, 0, ILOAD, 1);
            mv.visitLabel(middle);
            // Now `other` is in local 0, and an int waits on the stack at the yield.
            mv.visitInsn(ICONST_3);
            mv.visitVarInsn(ISTORE, 0);
            mv.visitInsn(ICONST_4);
            yieldAndDrop(mv);
            mv.visitInsn(POP);
            read(mv, ILOAD, 0, ILOAD, 0);
            returnDone(mv);
            mv.visitLabel(end);
            local(mv, "first", "I", start, middle, 0);
            local(mv, "kept", "I", start, end, 1);
            local(mv, "other", "I", middle, end, 0);
        });
        // i0 holds `first`, then `other`; i1 holds `kept`, then the waiting int.
        assertEquals(List.of("i0:I", "i1:I"), fields(plan));
    }

    @Test
    void aLocalNamedLikeTheFramesOwnFieldsOrAKindsFieldKeepsTheKindsName() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "(ILjava/lang/Object;I)" + GEN_DESC, mv -> {
            Label start = new Label();
            Label end = new Label();
            mv.visitLabel(start);
            returnDone(mv);
            mv.visitLabel(end);
            local(mv, "state", "I", start, end, 0);
            local(mv, "self", "Ljava/lang/Object;", start, end, 1);
            local(mv, "i0", "I", start, end, 2);
        });
        // The third argument is in i1, whose name `i0` is taken by the first.
        assertEquals(List.of("i0:I", "i1:I", "a0:Ljava/lang/Object;"), fields(plan));
    }

    @Test
    void aValueKnownToBeNullNeedsNoField() throws Exception {
        FramePlan plan = plan(ACC_STATIC, "()" + GEN_DESC, mv -> {
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, 0);
            yieldAndDrop(mv);
            read(mv, ALOAD, 0, ALOAD, 0);
            returnDone(mv);
        });
        Slot kept = plan.yields().get(0).saved().locals().get(0).slot();
        assertTrue(kept.isConstantNull());
        assertEquals(List.of(), fields(plan));
    }

    @Test
    void aReferenceIsCastBackToItsTypeOrToTheNearestTypeTheHostMayName() throws Exception {
        // java.util.ArrayList$SubList is private to java.util: a restored one is cast to its superclass.
        FramePlan plan = plan(ACC_STATIC, "(Ljava/lang/String;Ljava/util/ArrayList$SubList;"
                + "[[Ljava/util/ArrayList$SubList;[[I)" + GEN_DESC, Bytecode::returnDone);
        List<String> casts = plan.entry().locals().stream().map(l -> l.slot().castTo()).toList();
        assertEquals(List.of("java/lang/String", "java/util/AbstractList", "[[Ljava/lang/Object;", "[[I"), casts);
    }

    private static FramePlan plan(int access, String descriptor, Consumer<MethodVisitor> code) throws Exception {
        MethodNode m = method(access, "g", descriptor, code);
        MethodAnalysis analysis = MethodAnalysis.of(HOST, m, Bytecode.hierarchy());
        return FrameLayout.plan(Bytecode.hierarchy(), HOST, m, analysis.yieldSites());
    }

    private static List<String> fields(FramePlan plan) {
        return plan.fields().stream().map(f -> f.name() + ":" + f.descriptor()).toList();
    }

    private static List<String> fieldsOf(Snapshot s) {
        return s.locals().stream().map(l -> l.slot().field()).toList();
    }

    private static void yieldAndDrop(MethodVisitor mv) {
        mv.visitInsn(ACONST_NULL);
        yieldNow(mv);
        mv.visitInsn(POP);
    }

    /** Reads two locals (and drops them), so that they are live before. */
    private static void read(MethodVisitor mv, int op1, int local1, int op2, int local2) {
        mv.visitVarInsn(op1, local1);
        mv.visitInsn(POP);
        mv.visitVarInsn(op2, local2);
        mv.visitInsn(POP);
    }
}
