package dev.gen4j.samples.coroutines;

import static dev.gen4j.samples.coroutines.CoPipe.grep;
import static dev.gen4j.samples.coroutines.CoPipe.printer;
import static dev.gen4j.samples.coroutines.Coroutine.coroutine;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * cobroadcast.py and cobroadcast2.py: a coroutine that fans a stream of lines out to several
 * grep coroutines, each with its own printer, or (fan-in) all sending to one shared printer.
 * The grep and printer coroutines are copipe.py's ({@link CoPipe}).
 *
 * <p>The data source reads the log from its start to its end instead of following it, so a run
 * ends; without a FILE it reads the access log shipped in samples.jar.
 */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = {"Broadcasts a log's lines to grep coroutines for 'python', 'ply' and 'swig'.",
                "Seed: cobroadcast.py; with --fan-in, cobroadcast2.py."})
public class Broadcast implements Callable<Integer> {
    /** The access log shipped in the jar: logsim's first 60 lines. */
    static final String SHIPPED_LOG = "access-log";

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "The log to read (default: a small access log shipped in samples.jar).")
    Path file;

    @Option(names = "--fan-in", description = "All greps send to one shared printer (cobroadcast2.py).")
    boolean fanIn;

    @Spec
    CommandSpec spec;

    /** A data source, not a coroutine: sends each line of the log, with its newline, to {@code target}. */
    public static void source(BufferedReader thefile, Gen<?> target) throws IOException {
        int c;
        StringBuilder line = new StringBuilder();
        while ((c = thefile.read()) != -1) {
            line.append((char) c);
            if (c == '\n') {
                target.send(line.toString());
                line.setLength(0);
            }
        }
        if (line.length() > 0) {
            target.send(line.toString());
        }
    }

    /** Sends each item it receives to every target, in order. */
    @Generator
    public static Gen<Void> broadcast(List<Gen<?>> targets) {
        while (true) {
            Object item = Yield.now();
            for (Gen<?> target : targets) {
                target.send(item);
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Gen<Void> target = fanIn ? fanIn(out) : fanOut(out);
        try (BufferedReader f = new BufferedReader(new InputStreamReader(openLog(), StandardCharsets.UTF_8))) {
            source(f, target);
        }
        out.flush();
        return 0;
    }

    /** cobroadcast.py: one printer per grep. */
    private static Gen<Void> fanOut(PrintWriter out) {
        return coroutine(broadcast(List.of(
                coroutine(grep("python", coroutine(printer(out)))),
                coroutine(grep("ply", coroutine(printer(out)))),
                coroutine(grep("swig", coroutine(printer(out)))))));
    }

    /** cobroadcast2.py: the greps share one printer. */
    private static Gen<Void> fanIn(PrintWriter out) {
        Gen<Void> p = coroutine(printer(out));
        return coroutine(broadcast(List.of(
                coroutine(grep("python", p)),
                coroutine(grep("ply", p)),
                coroutine(grep("swig", p)))));
    }

    private InputStream openLog() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        return Objects.requireNonNull(Broadcast.class.getResourceAsStream(SHIPPED_LOG), SHIPPED_LOG);
    }
}
