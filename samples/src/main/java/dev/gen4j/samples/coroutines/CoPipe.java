package dev.gen4j.samples.coroutines;

import static dev.gen4j.samples.coroutines.Coroutine.coroutine;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.generators.TailFile;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * cofollow.py and copipe.py: the {@code tail -f | grep} pipeline built from coroutines. The data
 * source pushes each line into a filter, which pushes the lines it keeps into a sink.
 *
 * <p>A run ends when the printer has printed its lines: it returns, and each stage stops when
 * the stage it sends to has finished (the seed's pipeline runs forever).
 */
public final class CoPipe {
    private CoPipe() {
    }

    /** A data source, not a coroutine: sends each line added to the file into {@code target}. */
    public static void follow(TailFile thefile, Gen<?> target) throws IOException, InterruptedException {
        thefile.seekToEnd();
        while (!target.isDone()) {
            String line = thefile.readLine();
            if (line == null) {
                Thread.sleep(100);
                continue;
            }
            target.send(line);
        }
    }

    /** A filter: sends on the lines that contain {@code pattern}. */
    @Generator
    public static Gen<Void> grep(String pattern, Gen<?> target) {
        while (!target.isDone()) {
            String line = Yield.now();
            if (line.contains(pattern)) {
                target.send(line);
            }
        }
        return Gen.done();
    }

    /** A sink: prints each line it receives. */
    public static Gen<Void> printer(PrintWriter out) {
        return printer(out, Long.MAX_VALUE);
    }

    /** A sink: prints the lines it receives, up to {@code maxLines}. */
    @Generator
    public static Gen<Void> printer(PrintWriter out, long maxLines) {
        for (long count = 0; count < maxLines; count++) {
            String line = Yield.now();
            out.print(line + " ");
            out.flush();
        }
        return Gen.done();
    }

    /** follow → grep (if a pattern is given) → printer. */
    public static void run(TailFile logfile, String pattern, long maxLines, PrintWriter out)
            throws IOException, InterruptedException {
        Gen<Void> sink = coroutine(printer(out, maxLines));
        follow(logfile, pattern != null ? coroutine(grep(pattern, sink)) : sink);
    }
}
