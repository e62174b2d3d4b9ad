package dev.gen4j.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** A blocking client of the echo server, checking the "GOT:" framing of what comes back. */
final class EchoClient implements AutoCloseable {
    /** Bounds every read, so that a broken server fails the test instead of hanging it. */
    private static final int READ_TIMEOUT_MILLIS = (int) SampleProcess.DEADLINE.toMillis();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EchoReplies.Decoder decoder = new EchoReplies.Decoder();
    private final byte[] buffer = new byte[8192];
    private int returned;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static EchoClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
        return new EchoClient(socket);
    }

    /** Connects with small socket buffers, so that little data is in flight at any time. */
    static EchoClient connectWithSmallBuffers(int port, int bytes) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(bytes);
        socket.setSendBufferSize(bytes);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
        return new EchoClient(socket);
    }

    /** One round trip with a new connection. */
    static String roundTrip(int port, String message) throws IOException {
        try (EchoClient client = connect(port)) {
            return client.exchange(message);
        }
    }

    void send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** Sends {@code message} and returns the payload that comes back for it. */
    String exchange(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        send(bytes);
        return new String(receive(bytes.length), StandardCharsets.US_ASCII);
    }

    /** Reads until {@code n} more payload bytes have come back, at most {@code step} at a time. */
    byte[] receive(int n, int step) throws IOException {
        int target = returned + n;
        while (decoder.payloadSize() < target || !decoder.atPayloadBoundary()) {
            int read = in.read(buffer, 0, Math.min(step, buffer.length));
            if (read < 0) {
                throw new EOFException("the server closed the connection after " + decoder.payloadSize()
                        + " payload bytes, " + target + " expected");
            }
            decoder.feed(buffer, 0, read);
        }
        byte[] payload = Arrays.copyOfRange(decoder.payload(), returned, target);
        returned = target;
        return payload;
    }

    byte[] receive(int n) throws IOException {
        return receive(n, buffer.length);
    }

    /** Reads everything until the server closes, undecoded. */
    byte[] readRawToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** Reads until the server closes; returns the payload that came back after what receive() returned. */
    byte[] receiveToEnd() throws IOException {
        for (int read; (read = in.read(buffer)) >= 0; ) {
            decoder.feed(buffer, 0, read);
        }
        byte[] all = decoder.payload();
        byte[] rest = Arrays.copyOfRange(all, returned, all.length);
        returned = all.length;
        return rest;
    }

    /**
     * Sends {@code data} on a thread of its own, then half-closes if asked: for sending more
     * than the socket buffers hold while this thread reads.
     */
    CompletableFuture<Void> sendInBackground(byte[] data, boolean thenShutdownOutput) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                send(data);
                if (thenShutdownOutput) {
                    socket.shutdownOutput();
                }
                sent.complete(null);
            } catch (IOException | RuntimeException e) {
                sent.completeExceptionally(e);
            }
        }, "echo-client-sender");
        sender.setDaemon(true);
        sender.start();
        return sent;
    }

    /** Closes with a reset (RST) instead of an orderly close (FIN). */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
