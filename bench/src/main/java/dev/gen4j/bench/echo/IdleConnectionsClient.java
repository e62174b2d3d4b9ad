package dev.gen4j.bench.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Holds idle connections to an echo server, in steps, so that a driver can measure what the
 * server keeps per connection: for each count given, opens connections up to that count, makes
 * each exchange one message (so its handler is set up and waits for the next), prints
 * {@code holding N}, and waits for a line on standard input before the next step. At the end of
 * standard input (or after the last step's line) it closes them all.
 *
 * <p>Before the first step it opens, exchanges on and closes {@value #WARM_UP} connections, so
 * that the server has loaded and compiled its connection path before anything is measured.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gen4j.bench.echo.IdleConnectionsClient --port 25000 0 1000 10000
 * </pre>
 */
public final class IdleConnectionsClient {
    static final int WARM_UP = 2000;
    private static final byte[] MESSAGE = "idle but set up\n".getBytes(StandardCharsets.US_ASCII);
    /** What the server answers to {@link #MESSAGE}: GOT: and the message. */
    private static final byte[] EXPECTED = expectedReply();

    private IdleConnectionsClient() {
    }

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = -1;
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> steps.add(Integer.parseInt(args[i]));
            }
        }
        if (port <= 0 || steps.isEmpty()) {
            System.err.println("usage: IdleConnectionsClient [--host H] --port P COUNT...");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(host, port);
        ByteBuffer reply = ByteBuffer.allocate(EXPECTED.length);
        for (int i = 0; i < WARM_UP; i++) {
            try (SocketChannel channel = SocketChannel.open(server)) {
                exchange(channel, reply);
            }
        }
        List<SocketChannel> open = new ArrayList<>();
        BufferedReader driver = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        try {
            for (int count : steps) {
                while (open.size() < count) {
                    SocketChannel channel = SocketChannel.open(server);
                    open.add(channel);
                    exchange(channel, reply);
                }
                System.out.println("holding " + open.size());
                System.out.flush();
                if (driver.readLine() == null) {
                    break;
                }
            }
        } finally {
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
    }

    /** Sends the message and checks that {@code GOT:} + the message comes back. */
    private static void exchange(SocketChannel channel, ByteBuffer reply) throws IOException {
        channel.write(ByteBuffer.wrap(MESSAGE));
        reply.clear();
        while (reply.hasRemaining()) {
            if (channel.read(reply) < 0) {
                throw new IOException("the server closed a connection before its reply");
            }
        }
        if (!Arrays.equals(EXPECTED, reply.array())) {
            throw new IOException("wrong reply: " + new String(reply.array(), StandardCharsets.US_ASCII));
        }
    }

    private static byte[] expectedReply() {
        byte[] expected = new byte[EchoConnection.GOT.length + MESSAGE.length];
        System.arraycopy(EchoConnection.GOT, 0, expected, 0, EchoConnection.GOT.length);
        System.arraycopy(MESSAGE, 0, expected, EchoConnection.GOT.length, MESSAGE.length);
        return expected;
    }
}
