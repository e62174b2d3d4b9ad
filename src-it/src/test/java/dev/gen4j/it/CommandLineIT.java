package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.it.SampleProcess.Finished;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line of samples.jar: help, wrong arguments, and its generators, instrumented when
 * the jar was built, running with no agent (and unchanged with one).
 */
class CommandLineIT {
    @Test
    void helpListsEveryCommand() throws Exception {
        Finished help = SampleProcess.run(SampleProcess.withoutAgent("--help"));
        assertEquals(0, help.exitCode(), help.stderr());
        for (String command : List.of("countdown", "multitask", "echo")) {
            assertTrue(help.stdout().lines().anyMatch(l -> l.trim().startsWith(command + " ")),
                    command + " missing from:\n" + help.stdout());
        }
    }

    /** Each case: the arguments, then a word the one line on standard error must contain. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "no-such-command                 | unknown command 'no-such-command'",
        "--bogus                         | --bogus",
        "''                              | missing command",
        "echo --bogus                    | --bogus",
        "echo --port abc                 | 'abc'",
        "echo --port 70000               | 70000",
        "echo --port -1                  | -1",
        "echo --host no.such.host.invalid | no.such.host.invalid",
        "countdown --from x              | 'x'",
    })
    void aWrongArgumentGetsOneLineAndStatus2(String args, String mentioned) throws Exception {
        String[] argv = args.isBlank() ? new String[0] : args.trim().split("\\s+");
        Finished run = SampleProcess.run(SampleProcess.withoutAgent(argv));
        assertAll(
                () -> assertEquals(2, run.exitCode()),
                () -> assertEquals(1, run.stderrLines().size(), run.stderr()),
                () -> assertTrue(run.stderr().contains(mentioned), run.stderr()),
                () -> assertEquals("", run.stdout()));
    }

    @Test
    void countdownCountsDownWithNoAgent() throws Exception {
        Finished run = SampleProcess.run(SampleProcess.withoutAgent("countdown", "--from", "3"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("Counting down from 3\n3\n2\n1\n", run.stdout());
        assertEquals("", run.stderr());
    }

    /** Run with the agent as well, the instrumented samples behave the same and the agent reports nothing. */
    @Test
    void withTheAgentTooCountdownCountsDownAndTheAgentSaysNothing() throws Exception {
        Finished run = SampleProcess.run(SampleProcess.withAgent("countdown", "--from", "3"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("Counting down from 3\n3\n2\n1\n", run.stdout());
        assertEquals("", run.stderr());
    }
}
