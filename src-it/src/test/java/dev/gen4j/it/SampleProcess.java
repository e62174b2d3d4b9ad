package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@code samples.jar} as a real process, with or without the agent. */
final class SampleProcess implements AutoCloseable {
    /** How long any process may take: a bound, not an expectation. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    static final String JAVA = property("gen4j.java");
    static final String AGENT = property("gen4j.agent.jar");
    static final String SAMPLES = property("gen4j.samples.jar");

    /** What a finished process printed, and its exit status. */
    record Finished(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private final Process process;
    private final List<String> stdoutLines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private SampleProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        stdoutReader = drain(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
                line -> {
                    synchronized (stdoutLines) {
                        stdoutLines.add(line);
                        stdoutLines.notifyAll();
                    }
                });
        stderrReader = drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
                line -> {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                });
    }

    static List<String> withAgent(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-javaagent:" + AGENT, "-jar", SAMPLES));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> withoutAgent(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", SAMPLES));
        command.addAll(List.of(args));
        return command;
    }

    /** The JVM without the agent, with samples.jar (and the gen4j core it holds) on the class path. */
    static List<String> withSamplesOnClassPath(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", SAMPLES));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts a process that keeps running, such as the echo server. */
    static SampleProcess start(List<String> command) throws IOException {
        return new SampleProcess(command);
    }

    /** Runs a process to its end. */
    static Finished run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gen4j-it-", ".out");
        Path err = Files.createTempFile("gen4j-it-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " did not end within " + DEADLINE);
            }
            return new Finished(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Waits for the first standard output line that matches, and returns it. */
    String awaitLine(Predicate<String> wanted) throws InterruptedException {
        awaitLines(wanted, 1);
        synchronized (stdoutLines) {
            return stdoutLines.stream().filter(wanted).findFirst().orElseThrow();
        }
    }

    /** Waits until at least {@code count} standard output lines match. */
    void awaitLines(Predicate<String> wanted, long count) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        synchronized (stdoutLines) {
            while (countLines(wanted) < count) {
                long left = Duration.between(Instant.now(), end).toMillis();
                if (left <= 0 || !process.isAlive() && !stdoutReader.isAlive()) {
                    fail("expected " + count + " matching lines, got " + countLines(wanted)
                            + "; stderr: " + stderr());
                }
                stdoutLines.wait(Math.min(left, 1000));
            }
        }
    }

    long countLines(Predicate<String> wanted) {
        synchronized (stdoutLines) {
            return stdoutLines.stream().filter(wanted).count();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Stops the process (SIGTERM) and waits for it and its output. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            stdoutReader.join(DEADLINE.toMillis());
            stderrReader.join(DEADLINE.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(BufferedReader reader, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (Stream<String> lines = reader.lines()) {
                lines.forEach(sink);
            } catch (UncheckedIOException closed) {
                // The process is gone.
            }
        }, "sample-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A system property the failsafe configuration sets. */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with Maven (failsafe)");
        }
        return value;
    }
}
