package dev.gen4j.agent.analysis;

import java.util.BitSet;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * One call to {@code Yield.now}/{@code Yield.from} in a generator body, with what must survive
 * the suspension there: the types of the locals and of the operand stack just before the call,
 * and which locals are read afterwards.
 *
 * @param call the call instruction
 * @param kind which of the three calls
 * @param frame types just before the call (its arguments are on top of the stack)
 * @param liveLocals locals read on some path after the call, exception paths included
 * @param line source line of the call, or -1
 */
public record YieldSite(MethodInsnNode call, Kind kind, Frame<BasicValue> frame, BitSet liveLocals, int line) {

    /** The three suspension calls. */
    public enum Kind {
        /** {@code Yield.now()}: no argument. */
        NOW(0),
        /** {@code Yield.now(value)}: one argument. */
        NOW_VALUE(1),
        /** {@code Yield.from(gen)}: one argument. */
        FROM(1);

        private final int arguments;

        Kind(int arguments) {
            this.arguments = arguments;
        }

        /** How many stack values the call consumes. */
        public int arguments() {
            return arguments;
        }
    }

    /** Number of stack values that stay below the call's arguments and must be saved. */
    public int savedStackSize() {
        return frame.getStackSize() - kind.arguments();
    }
}
