package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.MethodAnalysis;
import java.util.ArrayDeque;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes {@code new X(a, Yield.now(), b)} suspendable. While the arguments are evaluated, the
 * stack holds the uninitialized object ({@code NEW X; DUP}), which cannot be saved in a field.
 * So for each such creation with a yield among its arguments, the {@code NEW X; DUP} moves to
 * just before the constructor call, the arguments waiting in fresh locals in between:
 * {@code a; y; b; store b,y,a; NEW X; DUP; load a,y,b; INVOKESPECIAL X.<init>}.
 * The only visible difference: X's static initializer runs after the arguments, not before.
 */
final class ConstructorHoister {
    private ConstructorHoister() {
    }

    /** Rewrites {@code method} in place. */
    static void hoist(MethodNode method, ErrorSite errors) throws InstrumentationException {
        InsnList insns = method.instructions;
        Deque<Creation> open = new ArrayDeque<>();
        int yieldsSeen = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.NEW) {
                open.push(new Creation((TypeInsnNode) insn, yieldsSeen));
            } else if (MethodAnalysis.yieldKind(insn) != null) {
                yieldsSeen++;
            } else if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")
                    && !open.isEmpty() && open.peek().created.desc.equals(((MethodInsnNode) insn).owner)) {
                Creation c = open.pop();
                if (c.yieldsBefore != yieldsSeen) {
                    relocate(method, c.created, (MethodInsnNode) insn, errors);
                }
            }
        }
    }

    private static void relocate(MethodNode method, TypeInsnNode created, MethodInsnNode init, ErrorSite errors)
            throws InstrumentationException {
        InsnList insns = method.instructions;
        AbstractInsnNode dup = created.getNext();
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            throw errors.at(created, Refusals.creationAroundYield());
        }
        insns.remove(dup);
        InsnList before = new InsnList();
        Type[] args = Type.getArgumentTypes(init.desc);
        int[] temps = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            temps[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        // Stack: ..., a0 .. an-1  ->  locals
        for (int i = args.length - 1; i >= 0; i--) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), temps[i]));
        }
        before.add(new TypeInsnNode(Opcodes.NEW, created.desc));
        before.add(new InsnNode(Opcodes.DUP));
        // Stack: ..., X(uninit), X(uninit), a0 .. an-1
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), temps[i]));
        }
        insns.insertBefore(init, before);
        insns.remove(created);
    }

    private record Creation(TypeInsnNode created, int yieldsBefore) {
    }
}
