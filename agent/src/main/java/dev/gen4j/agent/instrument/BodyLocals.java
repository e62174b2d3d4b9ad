package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * The locals a rewritten body uses of its own, and where the original locals moved.
 *
 * @param gen the frame parameter, typed Gen: right after {@code this} (0 in a static method);
 *     every original local from here on moves up by one
 * @param frame the same frame, typed as the frame class. Two locals because the verifier would
 *     load the frame class to check it against Gen, and the class is only defined when the first
 *     generator is created, after the host was verified
 * @param value holds the yielded value (or delegate) while the rest is saved
 */
record BodyLocals(int gen, int frame, int value) {
    /** How many locals the rewrite adds: the frame parameter, and {@code frame} and {@code value}. */
    static final int ADDED = 3;

    /** The locals of the body of {@code method}, whose code is not rewritten yet. */
    static BodyLocals of(MethodNode method) {
        int gen = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        // After the shift the original locals end at maxLocals + 1.
        int frame = method.maxLocals + 1;
        return new BodyLocals(gen, frame, frame + 1);
    }

    /** Where an original local lives in the body. */
    int shifted(int local) {
        return local >= gen ? local + 1 : local;
    }
}
