package dev.gen4j.sched;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;

/**
 * An I/O wait: a task yields {@code Io.readable(ch)} or {@code Io.writable(ch)} and is resumed
 * (with {@code null}) once the channel is ready. The channel must be non-blocking; a wait the
 * scheduler cannot register (closed or blocking channel) is thrown into the task instead.
 *
 * <p>An {@code Io} holds no state of the wait and may be yielded again and again, by any task of
 * any scheduler: a task that waits on the same channel in a loop can make one and keep it, and
 * then waiting allocates nothing.
 *
 * <pre>{@code
 * Io readable = Io.readable(client);
 * for (;;) {
 *     Yield.now(readable);
 *     if (client.read(buffer.clear()) < 0) break;
 *     ...
 * }
 * }</pre>
 */
public final class Io {
    private final SelectableChannel channel;
    private final int ops;
    private final String what;

    private Io(SelectableChannel channel, int ops, String what) {
        this.channel = channel;
        this.ops = ops;
        this.what = what;
    }

    /**
     * Waits until {@code channel} can be read without blocking; for a server channel, until a
     * connection can be accepted.
     *
     * @param channel a non-blocking channel; the scheduler registers it with its selector
     * @return the request to yield: {@code Yield.now(Io.readable(channel))}
     * @throws IllegalArgumentException if the channel can be neither read nor accepted from
     */
    public static Io readable(SelectableChannel channel) {
        return of(channel, SelectionKey.OP_READ | SelectionKey.OP_ACCEPT, "readable");
    }

    /**
     * Waits until {@code channel} can be written without blocking; for a socket still
     * connecting, until the connection can be finished.
     *
     * @param channel a non-blocking channel; the scheduler registers it with its selector
     * @return the request to yield: {@code Yield.now(Io.writable(channel))}
     * @throws IllegalArgumentException if the channel cannot be written
     */
    public static Io writable(SelectableChannel channel) {
        return of(channel, SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT, "writable");
    }

    private static Io of(SelectableChannel channel, int wanted, String what) {
        Objects.requireNonNull(channel, "channel");
        int ops = channel.validOps() & wanted;
        if (ops == 0) {
            throw new IllegalArgumentException(channel + " can never be " + what);
        }
        return new Io(channel, ops, what);
    }

    /**
     * The channel waited for.
     *
     * @return the channel this request was made for
     */
    public SelectableChannel channel() {
        return channel;
    }

    /** The {@link SelectionKey} operations that end the wait. */
    int ops() {
        return ops;
    }

    @Override
    public String toString() {
        return "Io." + what + "(" + channel + ")";
    }
}
