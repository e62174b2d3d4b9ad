package dev.gen4j.bench.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One connection of the closed loop: sends a message, checks the reply against
 * {@code GOT:} + that message byte by byte as the pieces arrive, and only then sends the next.
 *
 * <p>Each message carries its sequence number and the connection's number, so a reply that
 * belongs to another message or another connection cannot pass the check.
 */
final class EchoConnection {
    static final byte[] GOT = "GOT:".getBytes(StandardCharsets.US_ASCII);
    /** Room for the sequence number, the connection number, two spaces and a newline. */
    static final int MIN_MESSAGE_SIZE = 16 + 1 + 8 + 1 + 1;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final int number;
    private final SocketChannel channel;
    private final SelectionKey key;
    /** {@code GOT:} + the current message: the reply expected; the message part is what is sent. */
    private final byte[] expectedReply;
    private final ByteBuffer outgoing;
    private long sequence;
    private int checked;
    private long sentAt;
    private long measuredRoundTrips;

    /** Connection {@code number} to {@code server}: non-blocking, no Nagle delay, registered for reads, attached to its key. */
    static EchoConnection open(Selector selector, InetSocketAddress server, int number, int messageSize) throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        EchoConnection connection = new EchoConnection(number, channel, key, messageSize);
        key.attach(connection);
        return connection;
    }

    EchoConnection(int number, SocketChannel channel, SelectionKey key, int messageSize) {
        this.number = number;
        this.channel = channel;
        this.key = key;
        this.expectedReply = new byte[GOT.length + messageSize];
        System.arraycopy(GOT, 0, expectedReply, 0, GOT.length);
        this.outgoing = ByteBuffer.wrap(expectedReply);
    }

    int number() {
        return number;
    }

    long measuredRoundTrips() {
        return measuredRoundTrips;
    }

    void countMeasured() {
        measuredRoundTrips++;
    }

    long sentAt() {
        return sentAt;
    }

    /** Sends the next message; if the socket takes only part of it, the rest goes on writability. */
    void sendNext(long now) throws IOException {
        writeMessage(sequence++);
        checked = 0;
        outgoing.limit(expectedReply.length).position(GOT.length);
        sentAt = now;
        channel.write(outgoing);
        if (outgoing.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    void continueSending() throws IOException {
        channel.write(outgoing);
        if (!outgoing.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /**
     * Reads what has arrived into {@code scratch} and checks it.
     *
     * @return whether the whole reply has now arrived
     * @throws ReplyMismatch on the first wrong or extra byte, or if the server closed
     */
    boolean receive(ByteBuffer scratch) throws IOException {
        scratch.clear();
        int n = channel.read(scratch);
        if (n < 0) {
            throw new ReplyMismatch(this + ": the server closed the connection after " + checked
                    + " of " + expectedReply.length + " reply bytes");
        }
        for (int i = 0; i < n; i++) {
            byte got = scratch.get(i);
            if (checked == expectedReply.length) {
                throw new ReplyMismatch(this + ": " + (n - i) + " bytes more than GOT: + the message");
            }
            if (got != expectedReply[checked]) {
                throw new ReplyMismatch(this + ": reply byte " + checked + " is " + describe(got)
                        + ", expected " + describe(expectedReply[checked]) + "; expected reply: "
                        + new String(expectedReply, StandardCharsets.US_ASCII).strip());
            }
            checked++;
        }
        return checked == expectedReply.length;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing at the end of the run: nothing left to check on it.
        }
    }

    @Override
    public String toString() {
        return "connection " + number + ", message " + (sequence - 1);
    }

    /** {@code <sequence, 16 hex> <connection, 8 hex> <letters shifted by the sequence>\n}. */
    private void writeMessage(long seq) {
        int p = GOT.length;
        for (int shift = 60; shift >= 0; shift -= 4) {
            expectedReply[p++] = HEX[(int) (seq >>> shift) & 15];
        }
        expectedReply[p++] = ' ';
        for (int shift = 28; shift >= 0; shift -= 4) {
            expectedReply[p++] = HEX[(number >>> shift) & 15];
        }
        expectedReply[p++] = ' ';
        int last = expectedReply.length - 1;
        for (; p < last; p++) {
            expectedReply[p] = (byte) ('a' + (p + seq) % 26);
        }
        expectedReply[last] = '\n';
    }

    private static String describe(byte b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
    }

    /** The server broke the protocol on this connection. */
    static final class ReplyMismatch extends IOException {
        ReplyMismatch(String message) {
            super(message);
        }
    }
}
