package dev.gen4j.samples.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import org.junit.jupiter.api.Test;

class ActorsTest {
    @Test
    void queuedActorsPrintWhatActor2PyPrints() {
        CommandRun run = CommandRun.run(new Actors(), "--count", "20");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("actor2-20.txt"), run.out());
    }

    @Test
    void directSendsFailLikeActorPy() {
        CommandRun run = CommandRun.run(new Actors(), "--recursive");
        assertEquals(1, run.exitCode());
        assertEquals(Expected.output("actor.txt"), run.out());
        // Python ends with "ValueError: generator already executing"
        String pythonMessage = Expected.output("actor-error.txt").strip().replaceFirst("^ValueError: ", "");
        assertTrue(run.err().contains(pythonMessage), run.err());
    }
}
