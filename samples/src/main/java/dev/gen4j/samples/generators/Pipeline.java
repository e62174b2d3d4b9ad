package dev.gen4j.samples.generators;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.io.PrintWriter;

/** pipeline.py: a processing pipeline of generators, {@code tail -f | grep python}. */
public final class Pipeline {
    private Pipeline() {
    }

    /** Yields the lines that contain {@code pattern}. */
    @Generator
    public static Gen<String> grep(String pattern, Iterable<String> lines) {
        for (String line : lines) {
            if (line.contains(pattern)) {
                Yield.now(line);
            }
        }
        return Gen.done();
    }

    /** Pulls lines out of follow (and grep, if a pattern is given) and prints them, up to maxLines. */
    static void run(TailFile logfile, String pattern, long maxLines, PrintWriter out)
            throws IOException, InterruptedException {
        // Set up a processing pipe: tail -f | grep python
        Gen<String> loglines = Follow.follow(logfile);
        Gen<String> pylines = pattern != null ? grep(pattern, loglines) : loglines;
        try (loglines; pylines) {
            long count = 0;
            for (String line : pylines) {
                out.print(line + " ");
                out.flush();
                if (++count == maxLines) {
                    break;
                }
            }
        }
    }
}
