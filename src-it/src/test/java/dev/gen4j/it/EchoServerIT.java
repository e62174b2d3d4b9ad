package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gen4j.it.SampleProcess.Finished;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The echo server as a real process, with many clients, clients that misbehave, and a client
 * nobody here wrote (netcat). One server serves every test; at the end it must still be running,
 * have closed every connection it opened, and have reported nothing on standard error.
 */
class EchoServerIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Predicate<String> OPENED = line -> line.startsWith("Connection from 127.0.0.1:");
    private static final Predicate<String> CLOSED = line -> line.equals("Connection closed");

    private static SampleProcess server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        server = SampleProcess.start(SampleProcess.withoutAgent("echo", "--port", "0"));
        Matcher listening = LISTENING.matcher(server.awaitLine(line -> line.startsWith("Listening on ")));
        assertTrue(listening.matches(), "first line: " + listening);
        port = Integer.parseInt(listening.group(1));
    }

    @AfterAll
    static void serverServedEveryoneAndStillRuns() throws Exception {
        try {
            assertTrue(server.isAlive(), "the server died: " + server.stderr());
            server.awaitLines(CLOSED, server.countLines(OPENED));
            assertAll(
                    () -> assertEquals(server.countLines(OPENED), server.countLines(CLOSED)),
                    () -> assertEquals("", server.stderr()));
        } finally {
            server.close();
        }
    }

    @Test
    void eachChunkComesBackAfterGot() throws Exception {
        try (EchoClient client = EchoClient.connect(port)) {
            client.send("Hello\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("Hello\n", new String(client.receive(6), StandardCharsets.US_ASCII));
            assertEquals("World\n", client.exchange("World\n"));
        }
    }

    @Test
    void netcatGetsTheSeedsReplies() throws Exception {
        Process nc;
        try {
            nc = new ProcessBuilder("nc", "-N", "127.0.0.1", String.valueOf(port)).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new AssertionError("this test needs netcat-openbsd: apt-get install netcat-openbsd", notInstalled);
        }
        OutputStream typed = nc.getOutputStream();
        try (BufferedReader shown = new BufferedReader(new InputStreamReader(nc.getInputStream(), StandardCharsets.US_ASCII))) {
            List<String> replies = new ArrayList<>();
            for (String line : List.of("Hello", "World")) {
                typed.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                typed.flush();
                replies.add(shown.readLine());
            }
            typed.close(); // end of input: netcat half-closes (-N), the server closes
            assertEquals(List.of("GOT:Hello", "GOT:World"), replies);
            assertNull(shown.readLine(), "the server closes after netcat's end of input");
            assertTrue(nc.waitFor(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, nc.exitValue());
        } finally {
            nc.destroyForcibly();
        }
    }

    @Test
    void aThousandClientsAtOnceEachExchangeAHundredMessages() throws Exception {
        int clients = 1000;
        int messages = 100;
        long closedBefore = server.countLines(CLOSED);
        CountDownLatch connected = new CountDownLatch(clients);
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            work.add(() -> {
                try (EchoClient client = EchoClient.connect(port)) {
                    connected.countDown();
                    assertTrue(connected.await(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS));
                    for (int m = 0; m < messages; m++) {
                        String message = "client " + id + " message " + m + "\n";
                        assertEquals(message, client.exchange(message));
                    }
                }
                return null;
            });
        }
        runConcurrently(work);
        server.awaitLines(CLOSED, closedBefore + clients);
    }

    @Test
    void aSlowReaderGetsEveryByteBackInOrderWhileOthersAreServed() throws Exception {
        byte[] data = EchoReplies.payload(1 << 20, 1);
        try (EchoClient slow = EchoClient.connectWithSmallBuffers(port, 16 * 1024)) {
            CompletableFuture<Void> sent = slow.sendInBackground(data, false);
            // Nothing read yet: the server must go on serving others meanwhile.
            assertEquals("meanwhile\n", EchoClient.roundTrip(port, "meanwhile\n"));
            // Then read in small steps, serving another client every 64 KiB.
            byte[] back = new byte[data.length];
            int piece = 64 * 1024;
            for (int at = 0; at < data.length; at += piece) {
                System.arraycopy(slow.receive(piece, 512), 0, back, at, piece);
                assertEquals("still here " + at + "\n", EchoClient.roundTrip(port, "still here " + at + "\n"));
            }
            sent.get(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertArrayEquals(data, back);
        }
    }

    /**
     * A client that sends and never reads: the server must stop reading from it once its answers
     * cannot be written, rather than keep them in memory. The client's writes then stall for good:
     * after a bounded number of bytes, the server goes on serving others without taking more.
     */
    @Test
    void aClientThatNeverReadsIsThrottledNotBuffered() throws Exception {
        long limit = 2 * (kernelBufferMax("tcp_rmem") + kernelBufferMax("tcp_wmem"));
        // Enough server passes to free a loopback window (64 KiB) at 1000 bytes a pass.
        int probesWithoutProgress = 200;
        try (SocketChannel greedy = SocketChannel.open(); EchoClient probe = EchoClient.connect(port)) {
            greedy.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
            greedy.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
            greedy.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            greedy.configureBlocking(false);
            ByteBuffer chunk = ByteBuffer.wrap(EchoReplies.payload(64 * 1024, 2));
            long written = 0;
            int idleProbes = 0;
            while (idleProbes < probesWithoutProgress) {
                int n = greedy.write(chunk.rewind());
                written += n;
                if (written > limit) {
                    fail("the server took " + written + " bytes from a client that reads nothing");
                }
                if (n == 0) {
                    assertEquals("probe\n", probe.exchange("probe\n"));
                    idleProbes++;
                } else {
                    idleProbes = 0;
                }
            }
            greedy.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        assertEquals("after the greedy one\n", EchoClient.roundTrip(port, "after the greedy one\n"));
    }

    /** The most the kernel lets one socket buffer grow to (the last of /proc/sys/net/ipv4/NAME). */
    private static long kernelBufferMax(String name) throws IOException {
        Path setting = Path.of("/proc/sys/net/ipv4", name);
        if (!Files.isReadable(setting)) {
            return 32L << 20;
        }
        // Not Files.readString: /proc files claim a size they do not have.
        String[] values = Files.readAllLines(setting).get(0).trim().split("\\s+");
        return Long.parseLong(values[values.length - 1]);
    }

    @Test
    void clientsThatResetMidStreamDoNotDisturbTheOthers() throws Exception {
        long closedBefore = server.countLines(CLOSED);
        try (EchoClient bystander = EchoClient.connect(port)) {
            assertEquals("before\n", bystander.exchange("before\n"));

            EchoClient rightAfterSending = EchoClient.connect(port);
            rightAfterSending.send(EchoReplies.payload(10, 3));
            rightAfterSending.reset();
            assertEquals("one\n", bystander.exchange("one\n"));

            EchoClient afterAReply = EchoClient.connect(port);
            assertEquals("hello\n", afterAReply.exchange("hello\n"));
            afterAReply.reset();
            assertEquals("two\n", bystander.exchange("two\n"));

            EchoClient whileAnswersAreWritten = EchoClient.connectWithSmallBuffers(port, 8 * 1024);
            CompletableFuture<Void> sending = whileAnswersAreWritten.sendInBackground(EchoReplies.payload(300_000, 4), false);
            whileAnswersAreWritten.receive(1000);
            whileAnswersAreWritten.reset();
            assertEquals("three\n", bystander.exchange("three\n"));
            sending.handle((ok, resetByUs) -> null).get(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        server.awaitLines(CLOSED, closedBefore + 4);
    }

    @Test
    void aHalfClosedClientGetsEveryReplyThenTheEnd() throws Exception {
        byte[] data = EchoReplies.payload(200_000, 5);
        try (EchoClient client = EchoClient.connect(port)) {
            CompletableFuture<Void> sent = client.sendInBackground(data, true);
            assertArrayEquals(data, client.receiveToEnd());
            sent.get(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void randomBytesComeBackAsSent() throws Exception {
        Random random = new Random(20261121);
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            byte[] data = new byte[1 + random.nextInt(50_000)];
            random.nextBytes(data);
            work.add(() -> {
                try (EchoClient client = EchoClient.connect(port)) {
                    CompletableFuture<Void> sent = client.sendInBackground(data, true);
                    byte[] reply = client.readRawToEnd();
                    sent.get(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    assertTrue(EchoReplies.isEchoOf(data, reply),
                            "not 'GOT:' + chunks of the " + data.length + " bytes sent (" + reply.length + " bytes back)");
                }
                return null;
            });
        }
        runConcurrently(work);
        assertEquals("after noise\n", EchoClient.roundTrip(port, "after noise\n"));
    }

    @Test
    void aSecondServerOnTheSamePortGetsOneLineAndStatus2() throws Exception {
        Finished second = SampleProcess.run(SampleProcess.withoutAgent("echo", "--port", String.valueOf(port)));
        assertAll(
                () -> assertEquals(2, second.exitCode()),
                () -> assertEquals("", second.stdout()),
                () -> assertEquals(1, second.stderrLines().size(), second.stderr()),
                () -> assertTrue(second.stderr().contains("Address already in use"), second.stderr()));
    }

    /** Runs every task on its own thread, all at once, and rethrows the first failure. */
    private static void runConcurrently(List<Callable<Void>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> task : work) {
                results.add(threads.submit(task));
            }
            for (Future<Void> result : results) {
                result.get(SampleProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
