package dev.gen4j.samples.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.Samples;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed commands of the generator and coroutine chapters are reachable from samples.jar. */
class RegisteredCommandsTest {
    @Test
    void samplesListsTheSeedCommands() {
        Set<String> commands = Samples.commandLine().getSubcommands().keySet();
        List<String> ours = List.of("follow", "logsim", "grep", "bogus", "broadcast", "bus",
                "cothread", "coprocess", "contextmanager", "actors", "eval");
        assertTrue(commands.containsAll(ours), commands::toString);
    }
}
