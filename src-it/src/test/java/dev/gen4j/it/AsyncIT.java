package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.it.SampleProcess.Finished;
import org.junit.jupiter.api.Test;

/** samples.jar async: the seed's inlined futures, run by Async.run, from the packaged jar. */
class AsyncIT {
    /**
     * What futures.py prints up to its timings, for compute_fibs(10) (None printed as null; the
     * error example differs on purpose: Java refuses 2 + 'Hello' at compile time).
     */
    private static final String SEED_OUTPUT_START = """
            == Inlined future
            Got: 5
            == Multiple yields
            Got: 10
            Got: 8
            Got: 6
            Got: 4
            Got: 2
            == Error
            Failed: java.lang.ArithmeticException: integer overflow
            == after(): iterating gen by hand
            Got: null
            == after(): sending into gen by hand
            Got: 5
            == after(): yield from gen
            Got: 5
            == after(): yield from a future
            Got: 5
            == Tasks as futures
            Got: 5
            Got: 5
            Got: 5 9
            == compute_fibs() over a process pool
            [1, 1, 1, 2, 3, 5, 8, 13, 21, 34]
            """;

    @Test
    void printsWhatFuturesPyPrints() throws Exception {
        Finished run = SampleProcess.run(SampleProcess.withoutAgent("async", "--delay-ms", "10", "--fibs", "10",
                "--trace", "2"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertTrue(run.stdout().startsWith(SEED_OUTPUT_START), run.stdout());
        assertTrue(run.stdout().strip().endsWith("Got: [1, 1] [1, 1]"), run.stdout());
    }
}
