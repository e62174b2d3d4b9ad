package dev.gen4j.samples.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python runs read the same access log that samples.jar ships. */
class BroadcastTest {
    @TempDir
    Path dir;

    @Test
    void fanOutPrintsWhatCobroadcastPyPrints() {
        CommandRun run = CommandRun.run(new Broadcast());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("cobroadcast.txt"), run.out());
    }

    @Test
    void fanInPrintsWhatCobroadcast2PyPrints() {
        CommandRun run = CommandRun.run(new Broadcast(), "--fan-in");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("cobroadcast2.txt"), run.out());
    }

    @Test
    void readsALogFileGivenOnTheCommandLine() throws IOException {
        Path log = dir.resolve("access-log");
        Files.writeString(log, Expected.resource("/dev/gen4j/samples/coroutines/access-log"));
        CommandRun run = CommandRun.run(new Broadcast(), log.toString());
        assertEquals(Expected.output("cobroadcast.txt"), run.out());
    }
}
