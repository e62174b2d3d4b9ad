package dev.gen4j.samples.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextManagersTest {
    /** The first line is a timing ("counting: 0.052"): checked for its form, the rest exactly. */
    @Test
    void printsWhatContextmanagersPyPrints() {
        CommandRun run = CommandRun.run(new ContextManagers());
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = Expected.output("contextmanagers.txt").lines().toList();
        List<String> actual = run.out().lines().toList();
        assertTrue(expected.get(0).matches("counting: \\d+\\.\\d{3}"), expected.get(0));
        assertTrue(actual.get(0).matches("counting: \\d+\\.\\d{3}"), actual.get(0));
        assertEquals(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
    }
}
