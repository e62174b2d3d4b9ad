package dev.gen4j.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turns a generator method's code into its resumable body, in place, in named steps.
 *
 * <p>The body takes the frame (an instance of the generated frame class) as an extra first
 * argument, in the slot after {@code this}; the original locals move up by one
 * ({@link LocalShift}). Each {@code return x} becomes {@code return GenProtocol.returned(gen, x)}
 * ({@link ReturnMarker}); each Yield call saves what its plan says, returns, and resumes in its
 * place ({@link YieldReplacer}); the body starts with a dispatch on {@code frame.state} that
 * restores what the suspension saved and jumps back behind it ({@link Dispatch}).
 *
 * <p>For debuggers: the dispatch and all restore code come before the body's first line, so they
 * have no source line, and they are outside every try block. Each local's debug range covers
 * only code where its slot really holds it ({@link LocalRanges}): not the restore code, not a
 * stretch after a resume where it was not saved because nothing reads it before it is assigned
 * again.
 */
final class BodyRewriter {
    private BodyRewriter() {
    }

    /** Rewrites {@code method}'s code as {@code plan} says, for the frame class {@code frame}. */
    static void rewrite(MethodNode method, FrameShape frame, FramePlan plan) {
        BodyLocals locals = BodyLocals.of(method);
        FrameCode code = new FrameCode(frame, locals);
        removeStackMapFrames(method);
        LocalShift.apply(method, locals);
        ReturnMarker.apply(method, code);
        YieldReplacer yields = new YieldReplacer(method, code);
        List<YieldReplacer.Restore> restores = new ArrayList<>();
        for (YieldPlan yield : plan.yields()) {
            restores.add(yields.replace(yield));
        }
        method.instructions.insert(Dispatch.emit(code, plan.entry(), restores));
        method.maxLocals += BodyLocals.ADDED;
        LocalRanges.narrow(method);
    }

    /** Stack map frames are recomputed when the class is written. */
    private static void removeStackMapFrames(MethodNode method) {
        for (ListIterator<AbstractInsnNode> it = method.instructions.iterator(); it.hasNext();) {
            if (it.next() instanceof FrameNode) {
                it.remove();
            }
        }
    }
}
