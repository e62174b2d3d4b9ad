package dev.gen4j.samples.pyos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.Samples;
import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pyos steps print what pyos1.py ... pyos6.py and trampoline.py print. */
@Timeout(60)
class PyosTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 6})
    void stepPrintsWhatTheSeedsStepPrints(int step) {
        CommandRun run = CommandRun.run(new Pyos(), "--step", String.valueOf(step));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("pyos" + step + ".txt"), run.out());
    }

    @Test
    void step2PrintsTheFirstRoundsOfPyos2Py() {
        // pyos2.py runs forever: make_expected.py keeps its first 20 lines.
        CommandRun run = CommandRun.run(new Pyos(), "--step", "2", "--rounds", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("pyos2-10.txt"), run.out());
    }

    @Test
    void trampolinePrintsWhatTrampolinePyPrints() {
        CommandRun run = CommandRun.run(new Pyos(), "--step", "8", "--trampoline");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("trampoline.txt"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--step 9", "--step 0", "--step 3 --echo", "--step 6 --quiet", "--step 7 --trampoline",
        "--step 3 --rounds 4", "--step 2 --rounds -1", "--step 4 --port 0", "--step 8 --trampoline --clients 1",
        "--step 7 --port 70000", "--step 7 --clients -1"})
    void aWrongArgumentIsAUsageError(String args) {
        CommandRun run = CommandRun.run(new Pyos(), args.split(" "));
        assertEquals(2, run.exitCode(), run.out());
        assertEquals("", run.out());
    }

    @Test
    void samplesListsPyosSockechoAndFutures() {
        assertTrue(Samples.commandLine().getSubcommands().keySet().containsAll(
                java.util.List.of("pyos", "sockecho", "futures")));
    }
}
