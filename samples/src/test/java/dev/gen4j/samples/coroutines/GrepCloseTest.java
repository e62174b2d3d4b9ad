package dev.gen4j.samples.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import org.junit.jupiter.api.Test;

class GrepCloseTest {
    @Test
    void printsWhatGrepclosePyPrints() {
        CommandRun run = CommandRun.run(new GrepClose());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("grepclose.txt"), run.out());
    }
}
