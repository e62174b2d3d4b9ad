package dev.gen4j.sched;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Socket helpers for tasks, used with {@code Yield.from}: each waits for its channel through the
 * {@link Scheduler}, so the other tasks run meanwhile. They make the channels they are given
 * non-blocking.
 *
 * <pre>{@code
 * SocketChannel client = Yield.from(Net.accept(server));
 * int n = Yield.from(Net.read(client, buffer));
 * Yield.from(Net.writeAll(client, buffer.flip()));
 * }</pre>
 *
 * <p>{@code read} always lets the other tasks have a turn first, so a task whose peer never
 * stops sending cannot starve them.
 */
public final class Net {
    private Net() {
    }

    /**
     * Accepts the next connection; the new channel is non-blocking. A connection already waiting
     * is taken at once, so an acceptor empties the backlog in one turn (if it starts each handler
     * with {@link Scheduler#spawn}, which keeps the turn; {@link Sys#spawn} gives it away)
     * instead of taking one connection per pass of the scheduler.
     *
     * @param server the listening channel; made non-blocking if it is not
     * @return a generator to run with {@code Yield.from}, whose result is the new connection
     * @throws IOException if accepting fails, from the {@code Yield.from} that runs it
     */
    @Generator
    public static Gen<SocketChannel> accept(ServerSocketChannel server) throws IOException {
        nonBlocking(server);
        for (;;) {
            SocketChannel client = server.accept();
            if (client != null) {
                client.configureBlocking(false);
                return Gen.done(client);
            }
            Yield.now(Io.readable(server));
        }
    }

    /**
     * Reads what has arrived into {@code buffer}, once some has. Result: the number of bytes
     * read, {@code -1} at the end of the stream, {@code 0} only if {@code buffer} is full.
     *
     * @param channel the connection; made non-blocking if it is not
     * @param buffer where the bytes go, from its position on
     * @return a generator to run with {@code Yield.from}, whose result is that number
     * @throws IOException if reading fails, from the {@code Yield.from} that runs it
     */
    @Generator
    public static Gen<Integer> read(SocketChannel channel, ByteBuffer buffer) throws IOException {
        nonBlocking(channel);
        if (!buffer.hasRemaining()) {
            return Gen.done(0);
        }
        for (;;) {
            Yield.now(Io.readable(channel));
            int n = channel.read(buffer);
            if (n != 0) {
                return Gen.done(n);
            }
        }
    }

    /**
     * Writes every remaining byte of {@code buffer}, waiting for the channel to drain whenever a
     * write takes only part. Result: the number of bytes written.
     *
     * @param channel the connection; made non-blocking if it is not
     * @param buffer the bytes between its position and its limit
     * @return a generator to run with {@code Yield.from}, whose result is that number
     * @throws IOException if writing fails, from the {@code Yield.from} that runs it
     */
    @Generator
    public static Gen<Integer> writeAll(SocketChannel channel, ByteBuffer buffer) throws IOException {
        nonBlocking(channel);
        int written = 0;
        for (;;) {
            written += channel.write(buffer);
            if (!buffer.hasRemaining()) {
                return Gen.done(written);
            }
            Yield.now(Io.writable(channel));
        }
    }

    private static void nonBlocking(SelectableChannel channel) throws IOException {
        if (channel.isBlocking()) {
            channel.configureBlocking(false);
        }
    }
}
