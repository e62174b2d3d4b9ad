package dev.gen4j.samples.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tail -f pipelines, run while logsim writes to the log, as run_follow.py runs the Python
 * ones: the writer starts once follow has gone to the end of the file.
 */
@Timeout(60)
class FollowTest {
    @TempDir
    Path dir;

    /** A log file that reports when follow has gone to its end. */
    static final class SeekReportingTail extends TailFile {
        final CountDownLatch atEnd = new CountDownLatch(1);

        SeekReportingTail(Path file) throws IOException {
            super(file);
        }

        @Override
        public void seekToEnd() throws IOException {
            super.seekToEnd();
            atEnd.countDown();
        }
    }

    /** Runs {@code follow LOG args...} while logsim writes 60 lines; returns what follow printed. */
    private String followWhileLogsimWrites(String staleContent, String... args) throws Exception {
        Path log = dir.resolve("access-log");
        Files.writeString(log, staleContent);
        Follow follow = new Follow();
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(follow);
        commandLine.setOut(new PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = log.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        commandLine.parseArgs(all);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (SeekReportingTail tail = new SeekReportingTail(log)) {
            Thread follower = new Thread(() -> {
                try {
                    follow.run(tail);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "follow");
            follower.start();
            tail.atEnd.await();
            CommandRun writer = CommandRun.run(new LogSim(), log.toString(), "--lines", "60", "--interval-ms", "0");
            assertEquals(0, writer.exitCode(), writer.err());
            follower.join();
        }
        assertNull(failure.get());
        return out.toString();
    }

    @Test
    void pullPipelinePrintsWhatPipelinePyPrints() throws Exception {
        assertEquals(Expected.output("follow-python.txt"),
                followWhileLogsimWrites("", "--grep", "python", "--max-lines", "5"));
    }

    @Test
    void pushPipelinePrintsWhatCopipePyPrints() throws Exception {
        assertEquals(Expected.output("copipe-python.txt"),
                followWhileLogsimWrites("", "--push", "--grep", "python", "--max-lines", "5"));
    }

    @Test
    void linesWrittenBeforeFollowStartsAreNotPrinted() throws Exception {
        String stale = "stale python line\nanother stale line\n";
        assertEquals(Expected.output("follow-all.txt"), followWhileLogsimWrites(stale, "--max-lines", "8"));
        assertEquals(Expected.output("follow-all.txt"), followWhileLogsimWrites(stale, "--push", "--max-lines", "8"));
    }

    @Test
    void aLineIsReadOnlyOnceItsNewlineIsWritten() throws IOException {
        Path log = dir.resolve("partial-log");
        Files.writeString(log, "before\n");
        try (TailFile tail = new TailFile(log)) {
            tail.seekToEnd();
            assertNull(tail.readLine());
            Files.writeString(log, "half a ", StandardOpenOption.APPEND);
            assertNull(tail.readLine());
            Files.writeString(log, "line\nnext\n", StandardOpenOption.APPEND);
            assertEquals("half a line\n", tail.readLine());
            assertEquals("next\n", tail.readLine());
            assertNull(tail.readLine());
        }
    }

    @Test
    void maxLinesMustBePositive() {
        CommandRun run = CommandRun.run(new Follow(), "some-log", "--max-lines", "0");
        assertEquals(2, run.exitCode());
    }
}
