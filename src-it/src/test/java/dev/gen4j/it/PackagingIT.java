package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.it.SampleProcess.Finished;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the jars ship: gen4j's own generators (the Net helpers) and the samples' instrumented
 * ahead of time, by the build.
 */
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

    /**
     * Every class of samples.jar that has generators was instrumented by the build, so the
     * agent, if the jar is run with it anyway, finds nothing to rewrite: its transformer hands
     * each class to {@code ClassInstrumenter}, which returns null for "leave the bytes as they are".
     */
    @Test
    void everySamplesGeneratorIsInstrumentedAndTheAgentLeavesTheClassesAlone() throws Exception {
        List<String> instrumented = new ArrayList<>();
        List<String> rewrittenAgain = new ArrayList<>();
        ClassInstrumenter agentsRewrite = new ClassInstrumenter(ClassHierarchy.of(getClass().getClassLoader()));
        try (JarFile jar = new JarFile(SampleProcess.SAMPLES)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] classFile = jar.getInputStream(entry).readAllBytes();
                if (ClassInstrumenter.isInstrumented(classFile)) {
                    instrumented.add(entry.getName());
                }
                if (agentsRewrite.instrument(classFile) != null) {
                    rewrittenAgain.add(entry.getName());
                }
            }
        }
        assertEquals(List.of(), rewrittenAgain, "classes of samples.jar the agent would still rewrite");
        assertTrue(instrumented.contains("dev/gen4j/samples/countdown/Countdown.class"), instrumented::toString);
        assertTrue(instrumented.contains("dev/gen4j/sched/Net.class"), instrumented::toString);
    }
}
