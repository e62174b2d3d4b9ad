package dev.gen4j.samples.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Net;
import dev.gen4j.sched.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo sample's acceptor and handlers on a scheduler run by the test: a burst of waiting
 * connections is taken at once, and handlers sharing one buffer answer each client with its own
 * bytes, in order, also when a client takes its answers slowly.
 */
@Timeout(60)
class EchoHandlersTest {
    private static final int WAITING = 200;

    private static byte[] got(byte[] chunk) {
        byte[] answer = new byte[4 + chunk.length];
        System.arraycopy("GOT:".getBytes(StandardCharsets.US_ASCII), 0, answer, 0, 4);
        System.arraycopy(chunk, 0, answer, 4, chunk.length);
        return answer;
    }

    private static byte[] readToEnd(SocketChannel channel) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (channel.read(buffer.clear()) >= 0) {
            all.write(buffer.array(), 0, buffer.position());
        }
        return all.toByteArray();
    }

    private static LineLog quietLog() {
        return new LineLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true);
    }

    @Test
    void everyWaitingConnectionIsTakenInOneCallAndEachIsAnsweredWithItsOwnChunk() throws Exception {
        List<SocketChannel> clients = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(); Scheduler scheduler = new Scheduler()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WAITING * 2);
            server.configureBlocking(false);
            for (int i = 0; i < WAITING; i++) {
                // A blocking connect returns once the connection sits in the server's backlog.
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                client.write(ByteBuffer.wrap(("client " + i + "\n").getBytes(StandardCharsets.US_ASCII)));
                client.shutdownOutput();
                clients.add(client);
            }
            EchoServer.Handlers handlers = new EchoServer.Handlers(scheduler, quietLog());

            assertEquals(WAITING, handlers.acceptWaiting(server));
            assertNull(server.accept(), "a connection was left waiting");
            scheduler.run(); // returns once every handler has seen its client's end

            for (int i = 0; i < WAITING; i++) {
                byte[] expected = got(("client " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                assertArrayEquals(expected, readToEnd(clients.get(i)), "client " + i);
            }
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
        }
    }

    /** After a few turns, takes what is still waiting on {@code server} and stops the scheduler. */
    @Generator
    static Gen<Void> countLeftWaiting(ServerSocketChannel server, Scheduler scheduler, List<Integer> leftWaiting)
            throws IOException {
        for (int turn = 0; turn < 5; turn++) {
            Yield.now();
        }
        int left = 0;
        for (SocketChannel c; (c = server.accept()) != null; left++) {
            c.close();
        }
        leftWaiting.add(left);
        scheduler.stop();
        return Gen.done();
    }

    @Test
    void theAcceptorTakesAWholeBurstWithinAFewTurnsOfAnotherTask() throws Exception {
        List<SocketChannel> clients = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(); Scheduler scheduler = new Scheduler()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WAITING * 2);
            for (int i = 0; i < WAITING; i++) {
                clients.add(SocketChannel.open(server.getLocalAddress()));
            }
            List<Integer> leftWaiting = new ArrayList<>();
            scheduler.spawn(EchoServer.acceptClients(server, new EchoServer.Handlers(scheduler, quietLog()), quietLog()));
            scheduler.spawn(countLeftWaiting(server, scheduler, leftWaiting));
            scheduler.run();
            assertEquals(List.of(0), leftWaiting, "connections still waiting after 5 turns of another task");
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
        }
    }

    /** Lowercase letters and digits, never a byte of "GOT:": the answers cut apart by removing every "GOT:". */
    private static byte[] payload(int size) {
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = alphabet[(i * 7 + i / 37) % alphabet.length];
        }
        return bytes;
    }

    @Generator
    static Gen<Void> sendAll(SocketChannel channel, byte[] data) throws IOException {
        Yield.from(Net.writeAll(channel, ByteBuffer.wrap(data)));
        channel.shutdownOutput();
        return Gen.done();
    }

    /** Reads 256 bytes every fourth turn, to the end: the server's answers pile up meanwhile. */
    @Generator
    static Gen<Void> readSlowly(SocketChannel channel, ByteArrayOutputStream back) throws IOException {
        ByteBuffer small = ByteBuffer.allocate(256);
        for (;;) {
            for (int turn = 0; turn < 3; turn++) {
                Yield.now();
            }
            int n = Yield.from(Net.read(channel, small.clear()));
            if (n < 0) {
                return Gen.done();
            }
            back.write(small.array(), 0, n);
        }
    }

    @Generator
    static Gen<Void> exchange(SocketChannel channel, int messages, List<String> replies) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(100);
        for (int i = 0; i < messages; i++) {
            byte[] message = ("message " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            Yield.from(Net.writeAll(channel, ByteBuffer.wrap(message)));
            in.clear().limit(4 + message.length);
            while (in.hasRemaining()) {
                Yield.from(Net.read(channel, in));
            }
            replies.add(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
        }
        channel.close();
        return Gen.done();
    }

    @Test
    void aClientThatTakesItsAnswersSlowlyGetsEveryByteInOrderWhileAnotherIsServed() throws Exception {
        byte[] data = payload(1 << 20);
        try (ServerSocketChannel server = ServerSocketChannel.open(); Scheduler scheduler = new Scheduler()) {
            server.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            try (SocketChannel slow = SocketChannel.open(); SocketChannel other = SocketChannel.open()) {
                slow.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024);
                slow.setOption(StandardSocketOptions.SO_SNDBUF, 8 * 1024);
                slow.connect(server.getLocalAddress());
                other.connect(server.getLocalAddress());
                EchoServer.Handlers handlers = new EchoServer.Handlers(scheduler, quietLog());
                assertEquals(2, handlers.acceptWaiting(server));
                slow.configureBlocking(false);
                other.configureBlocking(false);
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                List<String> replies = new ArrayList<>();
                scheduler.spawn(sendAll(slow, data));
                scheduler.spawn(readSlowly(slow, back));
                scheduler.spawn(exchange(other, 20, replies));
                scheduler.run();

                String answers = back.toString(StandardCharsets.US_ASCII);
                assertTrue(answers.startsWith("GOT:"), () -> answers.substring(0, Math.min(40, answers.length())));
                assertEquals(new String(data, StandardCharsets.US_ASCII), answers.replace("GOT:", ""));
                assertEquals(20, replies.size());
                for (int i = 0; i < 20; i++) {
                    assertEquals("GOT:message " + i + "\n", replies.get(i));
                }
            }
        }
    }
}
