package dev.gen4j.samples.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import org.junit.jupiter.api.Test;

class BogusTest {
    @Test
    void printsWhatBogusPyPrints() {
        CommandRun run = CommandRun.run(new Bogus());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("bogus.txt"), run.out());
    }
}
