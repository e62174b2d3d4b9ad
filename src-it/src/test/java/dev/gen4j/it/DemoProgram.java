package dev.gen4j.it;

import dev.gen4j.Gen;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code demo.Countdown}, the program DebuggerIT and CoverageIT run: where its classes and its
 * source are, and the lines its markers name.
 */
final class DemoProgram {
    static final String MAIN = "demo.Countdown";
    static final String JAVA = System.getProperty("gen4j.java");
    static final String AGENT = System.getProperty("gen4j.agent.jar");

    private DemoProgram() {
    }

    /** The compiled program as the compiler wrote it (never instrumented: the test JVM has no agent). */
    static Path classes() {
        return locationOf(demo.Countdown.class);
    }

    /** gen4j's runtime, as this module's tests see it. */
    static Path runtime() {
        return locationOf(Gen.class);
    }

    /** A class path for the program: {@code classes} first, then the runtime. */
    static String classPath(Path classes) {
        return classes + File.pathSeparator + runtime();
    }

    /** The line of {@code Countdown.java} that ends with {@code // marker}. */
    static int line(String marker) {
        return line("Countdown.java", marker);
    }

    /** The line of {@code demo/file} that ends with {@code // marker}. */
    static int line(String file, String marker) {
        return line(Path.of(System.getProperty("gen4j.it.sources"), "demo", file), marker);
    }

    /** The line of {@code source} that ends with {@code // marker}. */
    static int line(Path source, String marker) {
        try {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// " + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no line of " + source + " ends with // " + marker);
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
