package dev.gen4j.agent.analysis;

import dev.gen4j.agent.instrument.Names;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The facts about a generator body that its rewrite needs, computed once and never changed:
 * value types at every instruction, the control-flow graph (exception edges included), which
 * locals are live where, and how many monitors are held where. Emission lives elsewhere.
 */
public final class MethodAnalysis {
    private final MethodNode method;
    private final Frame<BasicValue>[] frames;
    private final BitSet[] liveIn;
    private final int[] monitorDepth;
    /** Nesting deeper than this is not told apart (it only matters whether it is zero). */
    private static final int MAX_DEPTH = 64;

    private MethodAnalysis(MethodNode method, Frame<BasicValue>[] frames, int[][] normal, int[][] exceptional,
            int[][] everyHandler) {
        this.method = method;
        this.frames = frames;
        // Liveness follows every handler covering an instruction, as the verifier does: a local
        // that only a handler hidden behind a catch-all reads must still be restored, or the
        // rewritten code would not verify (though that handler can never run from there).
        this.liveIn = computeLiveness(method.instructions, normal, everyHandler);
        this.monitorDepth = computeMonitorDepth(method.instructions, normal, exceptional, frames);
    }

    /**
     * Analyzes {@code method} of class {@code owner}.
     *
     * @throws AnalyzerException if the bytecode is malformed or a type cannot be resolved
     */
    public static MethodAnalysis of(String owner, MethodNode method, ClassHierarchy hierarchy)
            throws AnalyzerException {
        FlowRecorder analyzer = new FlowRecorder(new TypeInterpreter(hierarchy), DeclaredFrames.of(owner, method),
                hierarchy);
        Frame<BasicValue>[] frames = analyzer.analyze(owner, method);
        return new MethodAnalysis(method, frames, analyzer.normal(), analyzer.exceptional(), analyzer.everyHandler());
    }

    /** Every reachable Yield call, in instruction order. */
    public List<YieldSite> yieldSites() {
        List<YieldSite> sites = new ArrayList<>();
        int line = -1;
        InsnList insns = method.instructions;
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn instanceof LineNumberNode) {
                line = ((LineNumberNode) insn).line;
            }
            YieldSite.Kind kind = yieldKind(insn);
            if (kind != null && frames[i] != null) {
                sites.add(new YieldSite((MethodInsnNode) insn, kind, frames[i], liveIn[i], line));
            }
        }
        return sites;
    }

    /** Monitors held just before the instruction (0 for unreachable code). */
    public int monitorDepth(AbstractInsnNode insn) {
        return monitorDepth[method.instructions.indexOf(insn)];
    }

    /** Which of the three Yield calls {@code insn} is, or null. */
    public static YieldSite.Kind yieldKind(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        if (!call.owner.equals(Names.YIELD)) {
            return null;
        }
        if (call.name.equals(Names.YIELD_NOW) && call.desc.equals(Names.YIELD_NOW_DESC)) {
            return YieldSite.Kind.NOW;
        }
        if (call.name.equals(Names.YIELD_NOW) && call.desc.equals(Names.YIELD_NOW_VALUE_DESC)) {
            return YieldSite.Kind.NOW_VALUE;
        }
        if (call.name.equals(Names.YIELD_FROM) && call.desc.equals(Names.YIELD_FROM_DESC)) {
            return YieldSite.Kind.FROM;
        }
        return null;
    }

    // ---- Liveness: backward, over the recorded edges, to a fixed point ---------------------

    private static BitSet[] computeLiveness(InsnList insns, int[][] normal, int[][] exceptional) {
        int n = insns.size();
        BitSet[] in = new BitSet[n];
        BitSet[] use = new BitSet[n];
        BitSet[] def = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
            use[i] = new BitSet();
            def[i] = new BitSet();
            AbstractInsnNode insn = insns.get(i);
            if (insn instanceof VarInsnNode) {
                int var = ((VarInsnNode) insn).var;
                int op = insn.getOpcode();
                if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD || op == Opcodes.RET) {
                    use[i].set(var);
                } else {
                    def[i].set(var);
                }
            } else if (insn instanceof IincInsnNode) {
                use[i].set(((IincInsnNode) insn).var);
            }
        }
        boolean changed = true;
        BitSet out = new BitSet();
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                out.clear();
                for (int s : normal[i]) {
                    out.or(in[s]);
                }
                for (int s : exceptional[i]) {
                    out.or(in[s]);
                }
                out.andNot(def[i]);
                out.or(use[i]);
                if (!out.equals(in[i])) {
                    in[i].clear();
                    in[i].or(out);
                    changed = true;
                }
            }
        }
        return in;
    }

    // ---- Monitors held: forward, over the recorded edges ----------------------------------

    private static int[] computeMonitorDepth(InsnList insns, int[][] normal, int[][] exceptional,
            Frame<BasicValue>[] frames) {
        int n = insns.size();
        int[] depth = new int[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (frames[i] == null) {
                    continue;
                }
                int op = insns.get(i).getOpcode();
                int after = op == Opcodes.MONITORENTER ? depth[i] + 1
                        : op == Opcodes.MONITOREXIT ? Math.max(0, depth[i] - 1) : depth[i];
                // An exception leaves an instruction with the monitors held before it.
                changed |= raise(depth, normal[i], Math.min(after, MAX_DEPTH));
                changed |= raise(depth, exceptional[i], depth[i]);
            }
        }
        return depth;
    }

    private static boolean raise(int[] depth, int[] targets, int arriving) {
        boolean changed = false;
        for (int s : targets) {
            if (arriving > depth[s]) {
                depth[s] = arriving;
                changed = true;
            }
        }
        return changed;
    }

    /** An Analyzer that also records the control-flow graph. */
    private static final class FlowRecorder extends Analyzer<BasicValue> {
        private static final String THROWABLE = "java/lang/Throwable";
        private List<List<Integer>> normal;
        private List<List<Integer>> exceptional;
        /** The exception edges the verifier checks: to every handler covering the instruction. */
        private List<List<Integer>> everyHandler;
        private InsnList insns;

        private final DeclaredFrames declared;
        private final ClassHierarchy hierarchy;

        FlowRecorder(TypeInterpreter interpreter, DeclaredFrames declared, ClassHierarchy hierarchy) {
            super(interpreter);
            this.declared = declared;
            this.hierarchy = hierarchy;
        }

        @Override
        protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
            return new DeclaredFrames.Merging(numLocals, numStack, declared, hierarchy, this::getFrames);
        }

        @Override
        protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
            return new DeclaredFrames.Merging(frame, declared, hierarchy, this::getFrames);
        }

        @Override
        protected void init(String owner, MethodNode method) {
            insns = method.instructions;
            normal = new ArrayList<>();
            exceptional = new ArrayList<>();
            everyHandler = new ArrayList<>();
            for (int i = 0; i < method.instructions.size(); i++) {
                normal.add(new ArrayList<>());
                exceptional.add(new ArrayList<>());
                everyHandler.add(new ArrayList<>());
            }
        }

        @Override
        protected void newControlFlowEdge(int insn, int successor) {
            normal.get(insn).add(successor);
        }

        @Override
        protected boolean newControlFlowExceptionEdge(int insn, int successor) {
            exceptional.get(insn).add(successor);
            return true;
        }

        /**
         * Records, as the edges the JVM can take ({@link #exceptional}), only those to the first
         * handler, in table order, that matches: a catch-all hides every handler after it. javac
         * relies on this: the catch-all that releases a synchronized block's lock comes before the
         * catch-all of a finally around it, which therefore never runs with the lock held. The
         * analysis itself still follows every edge, as the verifier does ({@link #everyHandler}):
         * the rewritten code must verify along them too.
         */
        @Override
        protected boolean newControlFlowExceptionEdge(int insn, TryCatchBlockNode handler) {
            everyHandler.get(insn).add(insns.indexOf(handler.handler));
            for (TryCatchBlockNode earlier : getHandlers(insn)) {
                if (earlier == handler) {
                    break;
                }
                if (earlier.type == null || earlier.type.equals(THROWABLE)) {
                    return true;
                }
            }
            return super.newControlFlowExceptionEdge(insn, handler);
        }

        int[][] normal() {
            return toArrays(normal);
        }

        int[][] exceptional() {
            return toArrays(exceptional);
        }

        int[][] everyHandler() {
            return toArrays(everyHandler);
        }

        private static int[][] toArrays(List<List<Integer>> edges) {
            int[][] result = new int[edges.size()][];
            for (int i = 0; i < result.length; i++) {
                result[i] = edges.get(i).stream().distinct().mapToInt(Integer::intValue).toArray();
            }
            return result;
        }
    }
}
