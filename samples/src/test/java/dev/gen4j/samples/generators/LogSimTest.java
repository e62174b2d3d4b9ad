package dev.gen4j.samples.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSimTest {
    /** The access log shipped in the jar is what logsim.py wrote: 60 lines. */
    private static final String LOGSIM_PY_60_LINES = Expected.resource("/dev/gen4j/samples/coroutines/access-log");

    @TempDir
    Path dir;

    @Test
    void writesWhatLogsimPyWrites() throws IOException {
        Path log = dir.resolve("access-log");
        CommandRun run = CommandRun.run(new LogSim(), log.toString(), "--lines", "60", "--interval-ms", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(LOGSIM_PY_60_LINES, Files.readString(log));
    }

    @Test
    void appendsToAnExistingLog() throws IOException {
        Path log = dir.resolve("access-log");
        Files.writeString(log, "old line\n");
        CommandRun.run(new LogSim(), log.toString(), "--lines", "60", "--interval-ms", "0");
        assertEquals("old line\n" + LOGSIM_PY_60_LINES, Files.readString(log));
    }
}
