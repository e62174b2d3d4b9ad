package dev.gen4j.samples.protocol;

import dev.gen4j.Context;
import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Context managers written as generators ("Generators: The Final Frontier", part 2): the yield
 * cuts each function in two, the half before it runs when the block is entered, the half after
 * it when the block is left. {@link Context} plays the part of Python's {@code @contextmanager}.
 */
@Command(name = "contextmanager", mixinStandardHelpOptions = true,
        description = "The context managers timethis and tempdir, written as generators (seed: @contextmanager).")
public class ContextManagers implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Times the block and prints how long it took. */
    @Generator
    public static Gen<Void> timethis(String label, PrintWriter out) {
        long start = System.nanoTime();
        try {
            Yield.now();
        } finally {
            long end = System.nanoTime();
            out.println(String.format(Locale.ROOT, "%s: %.3f", label, (end - start) / 1e9));
        }
        return Gen.done();
    }

    /** A temporary directory for the block, removed with its contents after it. */
    @Generator
    public static Gen<Path> tempdir() throws IOException {
        Path outdir = Files.createTempDirectory("tempdir");
        try {
            Yield.now(outdir);
        } finally {
            removeTree(outdir);
        }
        return Gen.done();
    }

    /** Python's {@code shutil.rmtree}. */
    static void removeTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Override
    @SuppressWarnings("try") // the timer is only entered and left, as in Python's "with timethis(...):"
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (var timer = Context.of(timethis("counting", out))) {
            long n = 1000000;
            while (n > 0) {
                n -= 1;
            }
        }

        Path dirname;
        try (var ctx = Context.of(tempdir())) {
            dirname = ctx.value();
            Files.writeString(dirname.resolve("hello.txt"), "Hello World\n");
            out.println("Inside the block, the directory " + state(dirname) + " and holds " + listing(dirname));
        }
        out.println("After the block, the directory is " + state(dirname));

        try (var ctx = Context.of(tempdir())) {
            dirname = ctx.value();
            try {
                out.println("Inside the block, the directory " + state(dirname));
                throw new IllegalArgumentException("Failed inside the block");
            } catch (RuntimeException e) {
                ctx.raise(e);
                throw e;
            }
        } catch (IllegalArgumentException e) {
            out.println("Caught: " + e.getMessage());
        }
        out.println("After the failed block, the directory is " + state(dirname));
        out.flush();
        return 0;
    }

    private static String state(Path dirname) {
        return Files.isDirectory(dirname) ? "exists" : "removed";
    }

    private static String listing(Path dirname) throws IOException {
        try (Stream<Path> files = Files.list(dirname)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        }
    }
}
