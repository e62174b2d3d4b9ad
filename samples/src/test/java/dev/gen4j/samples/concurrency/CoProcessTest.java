package dev.gen4j.samples.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts a real child JVM on this JVM's class path, and feeds it through a pipe. */
@Timeout(120)
class CoProcessTest {
    @Test
    void childJvmPrintsWhatBusprocPyPrints() {
        CommandRun run = CommandRun.run(new CoProcess());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("coprocess.txt"), run.out());
    }

    @Test
    void theChildGetsTheParentsJavaAgentsAndNoOtherJvmOption() {
        List<String> command = CoProcess.childCommand(List.of("-javaagent:/opt/gen-agent.jar", "-Xmx64m",
                "-javaagent:/opt/jacocoagent.jar=destfile=jacoco.exec", "-Dsome=thing"));
        assertEquals(List.of("-javaagent:/opt/gen-agent.jar", "-javaagent:/opt/jacocoagent.jar=destfile=jacoco.exec",
                "-cp", System.getProperty("java.class.path"), BusProc.class.getName()),
                command.subList(1, command.size()));
    }

    @Test
    void withoutAJavaAgentTheChildRunsOurInstrumentedClassesAsTheyAre() {
        List<String> command = CoProcess.childCommand(List.of("-Xmx64m"));
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), BusProc.class.getName()),
                command.subList(1, command.size()));
    }
}
