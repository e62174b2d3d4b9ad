package dev.gen4j.samples.pyos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.support.Expected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's echo servers (echobad.py, echogood.py, echogood2.py, echoserver.py, echoserver2.py)
 * and their gen4j versions, talked to the same way (see {@link EchoClients}), print the same.
 *
 * <p>Before comparing, what differs by nature is masked: the client's address (Python prints a
 * tuple, Java an {@code InetSocketAddress}, and the port is any free one) and the task ids of
 * "Task N terminated": the seed's pyos7 and pyos8 take one id for their I/O polling task, gen4j's
 * Scheduler polls by itself. How many "I'm alive!" lines come between two events depends on
 * timing: make_expected.py keeps one line of each run of them, and so does the comparison.
 */
@Timeout(60)
class EchoStepsTest {
    @Test
    void blockingServerServesOneClientAtATimeLikeEchobadPy() throws Exception {
        ServerRun server = ServerRun.start(new Pyos(), "--step", "6", "--echo", "--port", "0", "--clients", "1");
        EchoClients.oneClient(server.port());
        server.assertEndsWell();
        // Nothing but the client moves the frozen system: every line is exactly the seed's.
        assertEquals(masked(Expected.output("echobad.txt")), masked(server.out.text()));
    }

    @Test
    void ioWaitingServerPrintsWhatEchogoodPyPrints() throws Exception {
        ServerRun server = ServerRun.start(new Pyos(), "--step", "7", "--port", "0", "--clients", "2");
        EchoClients.twoClients(server.port(), server);
        server.assertEndsWell();
        String out = server.out.text();
        assertTrue(out.startsWith("I'm alive!\nServer starting\nI'm alive!\n"), out.lines().limit(5).toList()::toString);
        assertEquals(aliveRunsCut(masked(Expected.output("echogood.txt"))), aliveRunsCut(masked(out)));
    }

    @Test
    void quietServerPrintsWhatEchogood2PyPrints() throws Exception {
        assertTwoClientsServedLike("echogood2.txt", new Pyos(), "--step", "7", "--quiet");
    }

    @Test
    void serverWithSubroutinesPrintsWhatEchoserverPyPrints() throws Exception {
        assertTwoClientsServedLike("echoserver.txt", new Pyos(), "--step", "8");
    }

    @Test
    void socketWrapperServerPrintsWhatEchoserver2PyPrints() throws Exception {
        assertTwoClientsServedLike("echoserver2.txt", new SockEcho());
    }

    private static void assertTwoClientsServedLike(String expected, Object command, String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--port", "0", "--clients", "2"}, 0, all, args.length, 4);
        ServerRun server = ServerRun.start(command, all);
        EchoClients.twoClients(server.port(), server);
        server.assertEndsWell();
        assertEquals(masked(Expected.output(expected)), masked(server.out.text()));
    }

    static String masked(String output) {
        return output.replaceAll("(?m)^Connection from .*$", "Connection from <client>")
                .replaceAll("(?m)^Task \\d+ terminated$", "Task <id> terminated");
    }

    /** Each run of "I'm alive!" lines as one, and none at the end (the seed's run is killed some time after). */
    static String aliveRunsCut(String output) {
        return output.replaceAll("(?m)^(I'm alive!\n)+", "I'm alive!\n").replaceAll("(I'm alive!\n)+$", "");
    }
}
