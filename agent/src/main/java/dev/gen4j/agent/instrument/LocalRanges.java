package dev.gen4j.agent.instrument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Cuts each entry of a rewritten body's local variable table down to the code where its slot
 * really holds a value of its type. A debugger reads a local wherever the table says it lives;
 * after a resume a local that was not saved (nothing reads it before it is assigned again) has
 * no value, and reading it would fail (JDWP "invalid slot").
 */
final class LocalRanges {
    private LocalRanges() {
    }

    /** @param body the rewritten code, still with the generator's original descriptor */
    static void narrow(MethodNode body) {
        if (body.localVariables == null || body.localVariables.isEmpty()) {
            return;
        }
        Frame<BasicValue>[] frames = analyze(body);
        AbstractInsnNode[] insns = body.instructions.toArray();
        // Positions as analyzed: the labels added below must not shift them.
        Map<AbstractInsnNode, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < insns.length; i++) {
            position.put(insns[i], i);
        }
        BasicInterpreter types = new BasicInterpreter();
        List<LocalVariableNode> narrowed = new ArrayList<>();
        for (LocalVariableNode v : body.localVariables) {
            BasicValue expected = types.newValue(Type.getType(v.desc));
            int end = position.get(v.end);
            int runStart = -1;
            boolean runHasCode = false;
            for (int i = position.get(v.start); i <= end; i++) {
                boolean holds = i < end && frames[i] != null && frames[i].getLocal(v.index).equals(expected);
                if (holds) {
                    if (runStart < 0) {
                        runStart = i;
                        runHasCode = false;
                    }
                    runHasCode |= insns[i].getOpcode() >= 0;
                } else if (runStart >= 0) {
                    if (runHasCode) {
                        narrowed.add(new LocalVariableNode(v.name, v.desc, v.signature,
                                labelAt(body, insns, runStart), i == end ? v.end : labelAt(body, insns, i), v.index));
                    }
                    runStart = -1;
                }
            }
        }
        body.localVariables = narrowed;
    }

    /** A label just before {@code insns[i]}: that instruction itself if it is one. */
    private static LabelNode labelAt(MethodNode body, AbstractInsnNode[] insns, int i) {
        if (insns[i] instanceof LabelNode) {
            return (LabelNode) insns[i];
        }
        LabelNode label = new LabelNode();
        body.instructions.insertBefore(insns[i], label);
        return label;
    }

    /** Frames as the verifier sees the body: (frame, parameters) in, the locals of each instruction. */
    private static Frame<BasicValue>[] analyze(MethodNode body) {
        String desc = body.desc;
        int maxStack = body.maxStack;
        body.desc = FrameShape.bodyDescriptor(desc);
        // The rewrite added a few stack values of its own; the class writer computes the real maximum.
        body.maxStack += 4;
        try {
            // The owner only types `this`, which every reference fits in this interpreter.
            return new Analyzer<>(new BasicInterpreter()).analyze(Names.GEN, body);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("the rewritten body of " + body.name + desc + " does not verify: " + e.getMessage(), e);
        } finally {
            body.desc = desc;
            body.maxStack = maxStack;
        }
    }
}
