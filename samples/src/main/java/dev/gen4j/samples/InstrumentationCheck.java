package dev.gen4j.samples;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;

/**
 * Checks that {@code @Generator} methods are instrumented before a sample runs, so that
 * classes left uninstrumented (a build with {@code -Dgen4j.skip}, the classes of an IDE that does
 * not run the plugin) are reported before any output rather than halfway through it.
 */
final class InstrumentationCheck {
    private InstrumentationCheck() {
    }

    /** Instrumented, calling it only creates the generator; otherwise its body runs and refuses. */
    @Generator
    static Gen<Void> samplesNeedInstrumentation() {
        Yield.now();
        return Gen.done();
    }

    /** Null if generators work; otherwise gen4j's explanation of what is missing and the fix. */
    static String whatIsMissing() {
        try {
            samplesNeedInstrumentation();
            return null;
        } catch (IllegalStateException notInstrumented) {
            return notInstrumented.getMessage();
        }
    }
}
