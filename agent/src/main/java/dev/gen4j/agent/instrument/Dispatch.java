package dev.gen4j.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The entry of a rewritten body: {@code switch (frame.state)}. State 0 restores the arguments
 * and falls through into the original code; state k runs the k-th suspension's restore code,
 * which jumps back behind its Yield call; any other state throws.
 * <pre>
 *   frame = (Host~count) gen
 *   switch (frame.state) { case 0: S; case 1: R1; ... default: throw new IllegalStateException(...) }
 *   R1: restore what yield 1 saved; goto C1
 *   ...
 *   S:  restore the arguments
 *   (the original code)
 * </pre>
 * It all comes before the body's first line and outside every try block: a debugger's step into
 * a resumed generator stops first at the resumed Yield call, with every local in place.
 */
final class Dispatch {
    private Dispatch() {
    }

    /** @param restores each suspension's restore code, in state order from 1 */
    static InsnList emit(FrameCode frame, Snapshot entry, List<YieldReplacer.Restore> restores) {
        InsnList code = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode corrupt = new LabelNode();
        frame.storeFrame(code);
        frame.loadFrame(code);
        code.add(frame.getState());
        // Stack[0]: int state
        List<LabelNode> targets = new ArrayList<>();
        targets.add(start);
        for (YieldReplacer.Restore r : restores) {
            targets.add(r.start());
        }
        code.add(new TableSwitchInsnNode(0, targets.size() - 1, corrupt, targets.toArray(new LabelNode[0])));
        code.add(corrupt);
        FrameCode.throwIllegalState(code, "corrupt generator state");
        for (YieldReplacer.Restore r : restores) {
            code.add(r.code());
        }
        code.add(start);
        frame.restoreLocals(code, entry);
        // Falls through into the original code.
        return code;
    }
}
