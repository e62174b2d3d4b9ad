package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.HOST;

import dev.gen4j.agent.analysis.MethodAnalysis;
import dev.gen4j.agent.testing.Bytecode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * A test method with everything the body's passes take, computed by the passes before them:
 * its plan, its frame class {@code sample/Host~g}, its body's locals.
 */
record Planned(MethodNode method, FramePlan plan, FrameShape shape, BodyLocals locals, FrameCode code) {
    static final String FRAME = HOST + "~g";

    static Planned of(MethodNode method) throws AnalyzerException {
        FramePlan plan = FrameLayout.plan(Bytecode.hierarchy(), HOST, method,
                MethodAnalysis.of(HOST, method, Bytecode.hierarchy()).yieldSites());
        FrameShape shape = new FrameShape(HOST, FRAME, method.desc, (method.access & Opcodes.ACC_STATIC) != 0,
                plan.fields());
        BodyLocals locals = BodyLocals.of(method);
        return new Planned(method, plan, shape, locals, new FrameCode(shape, locals));
    }
}
