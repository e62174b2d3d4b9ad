package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.testing.Instrumented;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generator lambda in a branch that javac drops (a constant-false condition): javac still writes
 * the lambda's method, but no invokedynamic names it any more, so nothing marks it as a
 * {@code GenBody}. Its yields must not make the class be refused: the method can never run. Today
 * the instrumenter reports them as stray yields: the agent prints an error for the class, and
 * ahead-of-time instrumentation ({@code gen4j instrument}) fails with exit code 1. Found by the
 * differential fuzzer (programs with {@code if (.. && false) { Gen.generate(..) }}).
 */
class GeneratorLambdaInDeadCodeTest {
    static final class Traced {
        static final boolean TRACE = false;

        @Generator
        static Gen<Integer> counts() {
            if (TRACE) {
                Yield.from(Gen.generate(() -> Yield.now(-1)));
            }
            Yield.now(1);
            Yield.now(2);
            return Gen.done();
        }
    }

    @Test
    void aGeneratorLambdaInCodeJavacDroppedIsNoReasonToRefuseTheClass() throws Exception {
        assertEquals(List.of(), Instrumented.instrument(Traced.class).problems());
    }

    /** Holds already: the class's generator is rewritten all the same. */
    @Test
    void theGeneratorBesideADroppedGeneratorLambdaRunsWithTheAgent() {
        List<Integer> values = new ArrayList<>();
        Traced.counts().forEachRemaining(values::add);
        assertEquals(List.of(1, 2), values);
    }
}
