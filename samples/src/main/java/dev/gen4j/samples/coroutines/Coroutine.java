package dev.gen4j.samples.coroutines;

import dev.gen4j.Gen;

/**
 * coroutine.py: Python's {@code @coroutine} decorator, which starts a coroutine on creation.
 * A new generator must first run to its first {@code Yield.now()} before it can be sent values.
 */
public final class Coroutine {
    private Coroutine() {
    }

    /** Advances a new coroutine to its first yield and hands it back, ready for {@code send}. */
    public static <G extends Gen<?>> G coroutine(G gen) {
        gen.next();
        return gen;
    }
}
