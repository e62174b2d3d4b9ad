package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.testing.Instrumented;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A handler that a catch-all before it hides can never run from the code it covers, but the
 * verifier checks every handler covering an instruction: the locals such a handler reads must be
 * restored at a yield it covers, or the rewritten method does not verify (found by the fuzzer,
 * seed 5000060312).
 */
class HiddenHandlersTest {
    static final class Host {
        @Generator
        @SuppressWarnings("finally")
        static Gen<Object> loop() {
            int w = 0;
            while (w < 3) {
                w++;
                try {
                    try {
                        Yield.now("w=" + w);
                    } finally {
                        // Always: after the yield, w is never read again on any path the JVM can take.
                        if (true) {
                            break;
                        }
                    }
                } catch (RuntimeException hiddenByTheFinally) {
                    w += 10;
                }
            }
            return Gen.done("ended");
        }
    }

    @Test
    void aLocalOnlyAHiddenHandlerReadsIsRestoredSoThatTheRewriteVerifies() throws Exception {
        Instrumented.verify(Instrumented.instrument(Host.class), getClass().getClassLoader());
        Gen<Object> g = Host.loop();
        List<Object> values = new ArrayList<>();
        g.forEachRemaining(values::add);
        assertEquals(List.of("w=1"), values);
        assertFalse(g.hasNext());
        assertEquals("ended", g.result());
    }
}
