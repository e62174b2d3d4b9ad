package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.local;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** The whole rewrite of a body, and the debug information it leaves. */
class BodyRewriterTest {
    /** static g(String s), lines 5-7: try { Yield.now(s) } catch (RuntimeException e) { s is read }. */
    private final MethodNode method = method(ACC_STATIC, "g", "(Ljava/lang/String;)" + GEN_DESC, mv -> {
        Label start = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        Label end = new Label();
        mv.visitTryCatchBlock(start, tryEnd, handler, "java/lang/RuntimeException");
        mv.visitLabel(start);
        mv.visitLineNumber(5, start);
        mv.visitVarInsn(ALOAD, 0);
        yieldNow(mv);
        mv.visitInsn(POP);
        mv.visitLabel(tryEnd);
        returnDone(mv);
        mv.visitLabel(handler);
        mv.visitLineNumber(7, handler);
        mv.visitInsn(POP);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(POP);
        returnDone(mv);
        mv.visitLabel(end);
        local(mv, "s", "Ljava/lang/String;", start, end, 0);
    });

    @Test
    void theDispatchAndAllRestoreCodeComeBeforeTheFirstLine() throws Exception {
        Planned p = Planned.of(method);
        BodyRewriter.rewrite(method, p.shape(), p.plan());
        InsnList code = method.instructions;
        int firstLine = code.indexOf(first(code, LineNumberNode.class));
        assertTrue(code.indexOf(first(code, org.objectweb.asm.tree.TableSwitchInsnNode.class)) < firstLine);
        for (AbstractInsnNode insn : code) {
            if (insn.getOpcode() == GETFIELD) {
                assertTrue(code.indexOf(insn) < firstLine, "a read of " + ((FieldInsnNode) insn).name + " after the first line");
            }
        }
        assertEquals(List.of(5, 7), lines(code));
    }

    @Test
    void theRestoreCodeIsOutsideEveryTryBlockAndTheResumptionInsideIt() throws Exception {
        Planned p = Planned.of(method);
        BodyRewriter.rewrite(method, p.shape(), p.plan());
        InsnList code = method.instructions;
        TryCatchBlockNode block = method.tryCatchBlocks.get(0);
        int lastRestore = -1;
        int resumed = -1;
        for (AbstractInsnNode insn : code) {
            if (insn.getOpcode() == GETFIELD) {
                lastRestore = code.indexOf(insn);
            }
            if (insn instanceof MethodInsnNode call && call.name.equals(Names.RESUMED)) {
                resumed = code.indexOf(insn);
            }
        }
        assertTrue(code.indexOf(block.start) > lastRestore);
        assertTrue(code.indexOf(block.start) < resumed && resumed < code.indexOf(block.end));
    }

    @Test
    void theBodyNeedsThreeMoreLocalsThanTheMethod() throws Exception {
        int before = method.maxLocals;
        Planned p = Planned.of(method);
        BodyRewriter.rewrite(method, p.shape(), p.plan());
        assertEquals(before + 3, method.maxLocals);
    }

    @Test
    void aLocalsDebugRangeLeavesOutTheRestoreCodeAndTheStretchAfterAResumeWhereItWasNotSaved() throws Exception {
        // static g(): x = 1 (line 1); read x; Yield.now(null); x = 2 (line 2); read x.
        MethodNode m = method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            Label start = new Label();
            Label reassigned = new Label();
            Label end = new Label();
            mv.visitLabel(start);
            mv.visitLineNumber(1, start);
            mv.visitInsn(ICONST_1);
            mv.visitVarInsn(ISTORE, 0);
            read(mv);
            mv.visitInsn(ACONST_NULL);
            yieldNow(mv);
            mv.visitInsn(POP);
            mv.visitLabel(reassigned);
            mv.visitLineNumber(2, reassigned);
            mv.visitInsn(ICONST_2);
            mv.visitVarInsn(ISTORE, 0);
            read(mv);
            returnDone(mv);
            mv.visitLabel(end);
            local(mv, "x", "I", start, end, 0);
        });
        Planned p = Planned.of(m);
        BodyRewriter.rewrite(m, p.shape(), p.plan());
        InsnList code = m.instructions;
        int resumed = -1;
        for (AbstractInsnNode insn : code) {
            if (insn instanceof MethodInsnNode call && call.name.equals(Names.RESUMED)) {
                resumed = code.indexOf(insn);
            }
        }
        assertEquals(2, m.localVariables.size());
        for (LocalVariableNode x : m.localVariables) {
            assertEquals(1, x.index);
            assertFalse(code.indexOf(x.start) <= resumed && resumed < code.indexOf(x.end),
                    "x is not saved at the yield: its slot holds nothing when the body resumes");
            assertTrue(code.indexOf(x.start) > code.indexOf(first(code, LineNumberNode.class)));
        }
    }

    @Test
    void localRangesCutAnEntryToWhereItsSlotHoldsAValueOfItsType() {
        // A rewritten body (Gen frame in slot 0) whose table says x lives from the start.
        MethodNode m = method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            Label start = new Label();
            Label end = new Label();
            mv.visitLabel(start);
            mv.visitInsn(ICONST_1);
            mv.visitVarInsn(ISTORE, 1);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitInsn(POP);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
            mv.visitLabel(end);
            local(mv, "x", "I", start, end, 1);
            local(mv, "never", "J", start, end, 2);
        });
        m.maxLocals = 4;
        LocalVariableNode x = m.localVariables.get(0);
        LabelNode end = x.end;
        // The first instruction after which the slot holds an int is the ILOAD that reads it.
        AbstractInsnNode read = first(m.instructions, org.objectweb.asm.tree.VarInsnNode.class).getNext();
        LocalRanges.narrow(m);
        assertEquals(1, m.localVariables.size(), "an entry whose slot never holds its type is dropped");
        LocalVariableNode narrowed = m.localVariables.get(0);
        assertEquals("x", narrowed.name);
        assertEquals(read, narrowed.start.getNext());
        assertEquals(end, narrowed.end);
    }

    private static void read(MethodVisitor mv) {
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(POP);
    }

    private static List<Integer> lines(InsnList code) {
        List<Integer> lines = new java.util.ArrayList<>();
        for (AbstractInsnNode insn : code) {
            if (insn instanceof LineNumberNode l) {
                lines.add(l.line);
            }
        }
        return lines;
    }

    private static <T extends AbstractInsnNode> T first(InsnList code, Class<T> type) {
        for (AbstractInsnNode insn : code) {
            if (type.isInstance(insn)) {
                return type.cast(insn);
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
