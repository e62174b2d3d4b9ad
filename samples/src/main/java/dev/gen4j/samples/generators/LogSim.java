package dev.gen4j.samples.generators;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * logsim.py: appends a simulated Apache access log to a file, for {@code follow} to watch. The
 * entries come from a fixed pseudo-random sequence, so every run writes the same lines as the
 * Python logsim.py of the tests.
 */
@Command(name = "logsim", mixinStandardHelpOptions = true,
        description = "Appends simulated Apache access log lines to FILE, one at a time (seed: logsim.py).")
public class LogSim implements Callable<Integer> {
    private static final List<String> HOSTS = List.of("66.249.65.12", "75.54.118.139", "38.99.44.101",
            "194.105.57.11", "210.212.209.67", "74.6.72.229", "24.7.105.24", "128.135.125.245");
    private static final List<String> PATHS = List.of("/index.html",
            "/python/tutorial/beazley_intro_python/intropy.pdf",
            "/ply/ply.html",
            "/ply/ply-2.3.tar.gz",
            "/swig/index.html",
            "/python/generators.html",
            "/papers/Python-xml.pdf",
            "/cgi-bin/wiki.pl?SwigFaq",
            "/favicon.ico",
            "/robots.txt",
            "/python/ply/example.html",
            "/swig/python/swig-1.3.36.tar.gz",
            "/software/swig.html");
    private static final List<Integer> STATUSES = List.of(200, 200, 200, 200, 304, 404);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ENGLISH);

    @Parameters(paramLabel = "FILE", description = "The log file to append to (created if missing).")
    Path file;

    @Option(names = "--lines", paramLabel = "N", description = "How many lines to write (default: ${DEFAULT-VALUE}).")
    int lines = 100;

    @Option(names = "--interval-ms", paramLabel = "M", description = "Pause after each line (default: ${DEFAULT-VALUE}).")
    long intervalMs = 100;

    @Spec
    CommandSpec spec;

    /** A linear congruential generator: the same numbers as logsim.py's. */
    @Generator
    static Gen<Long> numbers(long seed) {
        long state = seed;
        while (true) {
            state = (state * 1103515245L + 12345L) % (1L << 31);
            Yield.now(state >> 8);
        }
    }

    /** The first {@code count} lines of the simulated log, each ending in a newline. */
    @Generator
    public static Gen<String> loglines(int count) {
        Gen<Long> rand = numbers(20080224);
        LocalDateTime when = LocalDateTime.of(2008, 2, 24, 0, 8, 59);
        for (int i = 0; i < count; i++) {
            String host = HOSTS.get((int) (rand.next() % HOSTS.size()));
            String path = PATHS.get((int) (rand.next() % PATHS.size()));
            int status = STATUSES.get((int) (rand.next() % STATUSES.size()));
            String size = status == 200 ? String.valueOf(rand.next() % 100000) : "-";
            when = when.plusSeconds(rand.next() % 7);
            String stamp = STAMP.format(when) + " -0600";
            Yield.now(host + " - - [" + stamp + "] \"GET " + path + " HTTP/1.1\" " + status + " " + size + "\n");
        }
        return Gen.done();
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (lines < 0 || intervalMs < 0) {
            throw new ParameterException(spec.commandLine(), "--lines and --interval-ms cannot be negative");
        }
        try (Writer f = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line : loglines(lines)) {
                f.write(line);
                f.flush();
                Thread.sleep(intervalMs);
            }
        }
        return 0;
    }
}
