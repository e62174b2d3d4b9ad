package dev.gen4j.samples.futures;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.Samples;
import org.junit.jupiter.api.Test;

/**
 * The async command, futures.py's program with Async.run in the place of the seed's Task, prints
 * what futures.py prints: every check of {@link FuturesTest}, on its output.
 */
class AsyncFuturesTest extends FuturesTest {
    @Override
    Object command() {
        return new AsyncFutures();
    }

    @Test
    void samplesJarListsTheAsyncCommand() {
        assertTrue(Samples.commandLine().getSubcommands().containsKey("async"));
    }
}
