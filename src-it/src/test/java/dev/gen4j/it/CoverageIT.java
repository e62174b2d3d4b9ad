package dev.gen4j.it;

import static dev.gen4j.it.DemoProgram.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gen4j.it.SampleProcess.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JaCoCo counts the lines of generator bodies: demo.Countdown run with JaCoCo's agent, the exec
 * file analyzed with org.jacoco.core as a report would.
 */
class CoverageIT {
    private static final String OUTPUT = "from 2\n2 1 false 3\n20 22 false\n";
    /** The lines checked, each with the status the run must give it. */
    private static final List<String> LINES = List.of(
            "countdown:first=covered", "countdown:yield=covered", "countdown:resumed=covered",
            "countdown:missed=missed", "lambda:first=covered", "lambda:yield=covered", "lambda:resumed=covered");

    @TempDir
    Path dir;

    /**
     * gen4j's transformer is retransformation-capable, so the JVM runs JaCoCo's first whatever
     * the flags' order: JaCoCo instruments, and later matches its data with, the class as compiled.
     */
    @ParameterizedTest(name = "{0} first")
    @ValueSource(strings = {"jacoco", "gen4j"})
    void withBothAgentsInEitherOrderGeneratorBodiesAreCoveredLineByLine(String first) throws Exception {
        Path exec = dir.resolve("jacoco.exec");
        String jacoco = "-javaagent:" + jacocoAgent() + "=destfile=" + exec + ",includes=demo.*";
        String gen4j = "-javaagent:" + DemoProgram.AGENT;
        List<String> agents = first.equals("jacoco") ? List.of(jacoco, gen4j) : List.of(gen4j, jacoco);
        run(agents, DemoProgram.classes());
        assertEquals(expectedLines(), lineStatuses(exec, DemoProgram.classes()));
    }

    /**
     * Ahead-of-time instrumented classes run with JaCoCo alone. Instrumenting in place (as a
     * build does before its tests) leaves those classes for the report: JaCoCo recorded them as
     * they ran, and the bodies, no longer synthetic, are counted at the user's lines.
     */
    @Test
    void aheadOfTimeInstrumentedBodiesAreCoveredLineByLine() throws Exception {
        Path classes = dir.resolve("classes");
        try (Stream<Path> demo = Files.list(DemoProgram.classes().resolve("demo"))) {
            Files.createDirectories(classes.resolve("demo"));
            for (Path c : (Iterable<Path>) demo::iterator) {
                Files.copy(c, classes.resolve("demo").resolve(c.getFileName()));
            }
        }
        Finished instrument = SampleProcess.run(List.of(DemoProgram.JAVA, "-jar", DemoProgram.AGENT, "instrument",
                "--classpath", DemoProgram.runtime().toString(), classes.toString()));
        assertEquals(0, instrument.exitCode(), instrument.stderr());
        Path exec = dir.resolve("jacoco.exec");
        run(List.of("-javaagent:" + jacocoAgent() + "=destfile=" + exec + ",includes=demo.*"), classes);
        assertEquals(expectedLines(), lineStatuses(exec, classes));
    }

    private static void run(List<String> agents, Path classes) throws Exception {
        List<String> command = new ArrayList<>(List.of(DemoProgram.JAVA));
        command.addAll(agents);
        command.addAll(List.of("-cp", DemoProgram.classPath(classes), DemoProgram.MAIN));
        Finished run = SampleProcess.run(command);
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(OUTPUT, run.stdout(), run.stderr());
        assertEquals("", run.stderr());
    }

    private static List<String> expectedLines() {
        return LINES.stream().map(l -> l.replaceFirst("^[^=]+", Integer.toString(line(l.substring(0, l.indexOf('=')))))
                + " (" + l.substring(0, l.indexOf('=')) + ")").toList();
    }

    /** What the report says of each checked line, analyzing {@code classes} against the exec file. */
    private static List<String> lineStatuses(Path exec, Path classes) throws IOException {
        assertNotNull(exec.toFile().exists() ? exec : null, "JaCoCo wrote no " + exec);
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(exec.toFile());
        CoverageBuilder coverage = new CoverageBuilder();
        new Analyzer(loader.getExecutionDataStore(), coverage).analyzeAll(classes.resolve("demo").toFile());
        IClassCoverage countdown = coverage.getClasses().stream()
                .filter(c -> c.getName().equals("demo/Countdown")).findFirst().orElseThrow();
        assertEquals(List.of(), coverage.getNoMatchClasses().stream().map(c -> c.getName()).toList(),
                "execution data does not match the classes analyzed");
        List<String> statuses = new ArrayList<>();
        for (String l : LINES) {
            String marker = l.substring(0, l.indexOf('='));
            int n = line(marker);
            statuses.add(n + "=" + status(countdown.getLine(n).getStatus()) + " (" + marker + ")");
        }
        return statuses;
    }

    private static String status(int status) {
        switch (status) {
            case ICounter.FULLY_COVERED: return "covered";
            case ICounter.PARTLY_COVERED: return "partly";
            case ICounter.NOT_COVERED: return "missed";
            default: return "no code";
        }
    }

    private static Path jacocoAgent() {
        return DemoProgram.locationOf(org.jacoco.agent.rt.RT.class);
    }
}
