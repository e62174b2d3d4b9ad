package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Net;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * sockwrap.py's {@code Socket}, for a connected socket: the operations that would block are
 * generators, called from a task with {@code Yield.from}, so they read like a plain socket's.
 * They wait through gen4j's {@link Net}.
 */
final class CoSocket implements AutoCloseable {
    private final SocketChannel sock;

    CoSocket(SocketChannel sock) {
        this.sock = sock;
    }

    SocketAddress address() throws IOException {
        return sock.getRemoteAddress();
    }

    /** Writes all of {@code buffer}. */
    @Generator
    Gen<Void> send(byte[] buffer) throws IOException {
        Yield.from(Net.writeAll(sock, ByteBuffer.wrap(buffer)));
        return Gen.done();
    }

    /** What arrived, at most {@code maxbytes}; empty at the end of the stream, as Python's {@code recv}. */
    @Generator
    Gen<byte[]> recv(int maxbytes) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(maxbytes);
        int n = Yield.from(Net.read(sock, data));
        return Gen.done(n < 0 ? new byte[0] : Arrays.copyOf(data.array(), n));
    }

    /** Closing never blocks: unlike the seed's {@code yield client.close()}, a plain call. */
    @Override
    public void close() throws IOException {
        sock.close();
    }
}
