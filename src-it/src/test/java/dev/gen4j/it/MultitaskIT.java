package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.it.SampleProcess.Finished;
import org.junit.jupiter.api.Test;

/** The seed's multitask.py output, produced by the real scheduler. */
class MultitaskIT {
    /** Exactly what the seed prints. */
    private static final String SEED_OUTPUT = """
            T-minus 10
            T-minus 5
            Up we go 0
            T-minus 9
            T-minus 4
            Up we go 1
            T-minus 8
            T-minus 3
            Up we go 2
            T-minus 7
            T-minus 2
            Up we go 3
            T-minus 6
            T-minus 1
            Up we go 4
            T-minus 5
            Task done
            Up we go 5
            T-minus 4
            Up we go 6
            T-minus 3
            Up we go 7
            T-minus 2
            Up we go 8
            T-minus 1
            Up we go 9
            Task done
            Up we go 10
            Up we go 11
            Up we go 12
            Up we go 13
            Up we go 14
            Up we go 15
            Up we go 16
            Up we go 17
            Up we go 18
            Up we go 19
            Task done
            """;

    @Test
    void printsExactlyTheSeedsOutput() throws Exception {
        Finished run = SampleProcess.run(SampleProcess.withoutAgent("multitask"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(SEED_OUTPUT, run.stdout());
        assertEquals("", run.stderr());
    }
}
