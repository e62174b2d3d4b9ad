package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gen4j.agent.instrument.ClassInstrumenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One of the example projects under {@code src/it}, copied to a directory of its own and built
 * by real Maven: gen4j from the staging repository, everything else from the user's repository.
 */
final class ExampleBuild {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String[] VERSIONS = {"gen4j.version", "junit.version", "surefire.version",
        "compiler.version", "resources.version", "jar.version", "dependency.version", "jacoco.version"};

    /** A finished Maven run: its exit status and everything it printed. */
    record Result(int exitCode, String log) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    final Path dir;

    private ExampleBuild(Path dir) {
        this.dir = dir;
    }

    /** Copies example {@code name} into {@code parent}. */
    static ExampleBuild copy(String name, Path parent) throws IOException {
        Path from = Path.of(property("gen4j.it.projects")).resolve(name);
        Path to = parent.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new ExampleBuild(to);
    }

    /** Runs {@code mvn -B} with the given goals and options in the project's directory. */
    Result mvn(String... args) throws IOException, InterruptedException {
        Path settings = dir.resolve("target-settings.xml");
        String template = Files.readString(Path.of(property("gen4j.it.projects")).resolve("settings.xml"));
        Files.writeString(settings, template.replace("@userRepositoryUrl@",
                Path.of(property("gen4j.user.repo")).toUri().toString()));
        List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + property("gen4j.it.repo")));
        for (String v : VERSIONS) {
            command.add("-D" + v + "=" + property(v));
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile("gen4j-it-mvn-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().remove("MAVEN_OPTS");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " did not end within " + DEADLINE);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Whether the class file carries gen4j's marker (it was instrumented), as the agent reads it. */
    static boolean isInstrumented(Path classFile) throws IOException {
        return ClassInstrumenter.isInstrumented(Files.readAllBytes(classFile));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through mvn verify)");
        }
        return value;
    }
}
