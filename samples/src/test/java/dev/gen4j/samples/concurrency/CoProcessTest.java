package dev.gen4j.samples.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts a real child JVM, with this JVM's agent, and feeds it through a pipe. */
@Timeout(120)
class CoProcessTest {
    @Test
    void childJvmPrintsWhatBusprocPyPrints() {
        CommandRun run = CommandRun.run(new CoProcess());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("coprocess.txt"), run.out());
    }

    @Test
    void theChildGetsTheParentsAgent() {
        List<String> command = CoProcess.childCommand();
        assertTrue(command.stream().anyMatch(arg -> arg.startsWith("-javaagent:") && arg.contains("gen-agent")),
                command::toString);
        assertEquals(BusProc.class.getName(), command.get(command.size() - 1));
    }
}
