package dev.gen4j.samples.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python runs read the same allroutes.xml that samples.jar ships. */
class BusesTest {
    @TempDir
    Path dir;

    @Test
    void saxPipelinePrintsWhatBusesPyPrints() {
        CommandRun run = CommandRun.run(new Buses());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("buses.txt"), run.out());
    }

    @Test
    void expatStylePipelinePrintsWhatCoexpatPyPrints() {
        CommandRun run = CommandRun.run(new Buses(), "--parser", "expat");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("coexpat.txt"), run.out());
    }

    @Test
    void readsAFeedGivenOnTheCommandLine() throws IOException {
        Path feed = dir.resolve("allroutes.xml");
        Files.writeString(feed, Expected.resource("/dev/gen4j/samples/xml/allroutes.xml"));
        assertEquals(Expected.output("buses.txt"), CommandRun.run(new Buses(), feed.toString()).out());
        assertEquals(Expected.output("coexpat.txt"),
                CommandRun.run(new Buses(), feed.toString(), "--parser", "expat").out());
    }

    @Test
    void textSplitAcrossEventsIsJoined() throws IOException {
        Path feed = dir.resolve("one-bus.xml");
        Files.writeString(feed, "<buses><bus><id>1<![CDATA[2]]>&amp;3</id><route>22</route>"
                + "<direction>North<!-- c --> Bound</direction><latitude>41.9</latitude>"
                + "<longitude>-87.6</longitude></bus></buses>");
        String expected = "22,12&3,\"North Bound\",41.9,-87.6\n";
        assertEquals(expected, CommandRun.run(new Buses(), feed.toString()).out());
        assertEquals(expected, CommandRun.run(new Buses(), feed.toString(), "--parser", "expat").out());
    }
}
