package dev.gen4j.samples.generators;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.coroutines.CoPipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * follow.py: a generator that follows a log file like Unix {@code tail -f}, pulled through the
 * grep of pipeline.py, or (with {@code --push}) the same pipeline built from coroutines, copipe.py.
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = {"Follows a log file like tail -f, printing the lines added to it.",
                "Seed: follow.py and pipeline.py; with --push, copipe.py.",
                "Run 'logsim FILE' alongside to write to the log."})
public class Follow implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The log file to follow.")
    Path file;

    @Option(names = "--grep", paramLabel = "WORD", description = "Print only the lines that contain WORD.")
    String word;

    @Option(names = "--max-lines", paramLabel = "N", description = "Stop after printing N lines (default: never).")
    long maxLines = Long.MAX_VALUE;

    @Option(names = "--push", description = "Push the lines through coroutines (copipe.py) instead of pulling them through generators.")
    boolean push;

    @Spec
    CommandSpec spec;

    /** Yields each line added to the file from now on; waits for more when there is none. */
    @Generator
    public static Gen<String> follow(TailFile thefile) throws IOException, InterruptedException {
        thefile.seekToEnd();
        while (true) {
            String line = thefile.readLine();
            if (line == null) {
                Thread.sleep(100);
                continue;
            }
            Yield.now(line);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (maxLines < 1) {
            throw new ParameterException(spec.commandLine(), "--max-lines must be at least 1");
        }
        try (TailFile log = new TailFile(file)) {
            run(log);
        }
        return 0;
    }

    /** Runs the pipeline over an open log file (the tests hand in one that reports its seek). */
    void run(TailFile log) throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (push) {
            CoPipe.run(log, word, maxLines, out);
        } else {
            Pipeline.run(log, word, maxLines, out);
        }
    }
}
