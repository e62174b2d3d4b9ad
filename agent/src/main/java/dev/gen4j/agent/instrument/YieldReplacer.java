package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.YieldSite;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Replaces one Yield call by its suspension and its resumption, and writes the code that
 * restores what it saved, for the dispatch to run:
 * <pre>
 *   value = argument                     // Yield.now() has none
 *   frame.fields = stack values, live locals; frame.(released fields) = null
 *   frame.state = k; return value        // or: return GenProtocol.delegate(gen, value)
 * Ck:
 *   GenProtocol.resumed(gen)             // in place of the call: inside its try blocks, so a raise() lands in their catch
 * </pre>
 * Returning the yielded value, rather than storing it, keeps it out of the heap.
 */
final class YieldReplacer {
    /**
     * Code that restores a suspension's locals and stack and jumps back behind it.
     *
     * @param start the label the dispatch jumps to (the first instruction of {@code code})
     */
    record Restore(LabelNode start, InsnList code) {
    }

    private final MethodNode method;
    private final FrameCode frame;

    YieldReplacer(MethodNode method, FrameCode frame) {
        this.method = method;
        this.frame = frame;
    }

    /** Replaces {@code yield}'s call in the method; returns the code that resumes it. */
    Restore replace(YieldPlan yield) {
        YieldSite site = yield.site();
        int value = frame.locals().value();
        InsnList code = new InsnList();
        // Stack: ..., s0 .. sn-1, [argument]
        if (site.kind() != YieldSite.Kind.NOW) {
            code.add(new VarInsnNode(Opcodes.ASTORE, value));
        }
        // Stack: ..., s0 .. sn-1
        List<Slot> stack = yield.saved().stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            frame.saveTopOfStack(code, stack.get(i));
        }
        // Stack: (empty)
        frame.saveLocals(code, yield.saved());
        // Fields this point does not use may still hold values from another point: let them go.
        for (String released : yield.released()) {
            frame.release(code, released);
        }
        frame.loadFrame(code);
        code.add(FrameCode.intConstant(yield.state()));
        code.add(frame.putState());
        switch (site.kind()) {
            case NOW:
                code.add(new InsnNode(Opcodes.ACONST_NULL));
                break;
            case NOW_VALUE:
                code.add(new VarInsnNode(Opcodes.ALOAD, value));
                break;
            case FROM:
                frame.loadGen(code);
                code.add(new VarInsnNode(Opcodes.ALOAD, value));
                code.add(FrameCode.protocolCall(Names.DELEGATE, Names.DELEGATE_DESC));
                break;
            default:
                throw new AssertionError(site.kind());
        }
        // Stack: yielded value (or marked delegate)
        code.add(new InsnNode(Opcodes.ARETURN));

        LabelNode restored = new LabelNode();
        code.add(restored);
        // Stack: ..., s0 .. sn-1 (restored by the dispatch)
        frame.loadGen(code);
        code.add(FrameCode.protocolCall(Names.RESUMED, Names.RESUMED_DESC));
        // Stack: ..., s0 .. sn-1, Object received

        InsnList restore = new InsnList();
        LabelNode start = new LabelNode();
        restore.add(start);
        frame.restoreLocals(restore, yield.saved());
        for (Slot s : stack) {
            // Stack: s0 .. si-1
            frame.loadSlot(restore, s);
        }
        // Stack: s0 .. sn-1
        restore.add(new JumpInsnNode(Opcodes.GOTO, restored));

        method.instructions.insert(site.call(), code);
        method.instructions.remove(site.call());
        return new Restore(start, restore);
    }
}
