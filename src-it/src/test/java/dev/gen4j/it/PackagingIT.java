package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.it.SampleProcess.Finished;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the jars ship: gen4j's own generators (the Net helpers) instrumented ahead of time. */
class PackagingIT {
    @Test
    void netHelpersAreGeneratorsEvenWithoutTheAgent(@TempDir Path dir) throws Exception {
        Path probe = Files.writeString(dir.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] args) throws Exception {
                        // Instrumented, this only creates the generator; uninstrumented, the body
                        // would run at once and fail on the null channel.
                        dev.gen4j.Gen<?> accept = dev.gen4j.sched.Net.accept(null);
                        System.out.println(accept.isDone() ? "ran" : "not started");
                    }
                }
                """);
        Finished run = SampleProcess.run(SampleProcess.withSamplesOnClassPath(probe.toString()));
        assertEquals("not started\n", run.stdout(), run.stderr());
        assertEquals(0, run.exitCode());
    }
}
