package dev.gen4j.samples.pyos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The talks with the seed's echo servers, as echo_clients.py has them with the Python ones (see
 * there), so that the servers print the same things.
 */
final class EchoClients {
    private static final int PATIENCE_MS = 30_000;

    private EchoClients() {
    }

    /** Connects, has 'one' echoed, closes. */
    static void oneClient(int port) throws IOException {
        try (Socket a = connect(port)) {
            echo(a, "one");
            finish(a);
        }
    }

    /**
     * A has 'one' echoed; B connects and has 'two' echoed; A has 'three' echoed while both are
     * open; A closes; B closes.
     */
    static void twoClients(int port, ServerRun server) throws IOException, InterruptedException {
        try (Socket a = connect(port)) {
            echo(a, "one");
            try (Socket b = connect(port)) {
                echo(b, "two");
                echo(a, "three");
                finish(a);
                server.out.await(line -> line.contains(" terminated"), 1);
                finish(b);
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(PATIENCE_MS);
        return socket;
    }

    private static void echo(Socket socket, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        socket.getOutputStream().write(data);
        assertArrayEquals(data, socket.getInputStream().readNBytes(data.length));
    }

    /** Closes our sending side and reads until the server has closed its own. */
    private static void finish(Socket socket) throws IOException {
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        assertEquals(-1, in.read());
    }
}
