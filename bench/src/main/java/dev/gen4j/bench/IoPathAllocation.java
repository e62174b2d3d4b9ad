package dev.gen4j.bench;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Net;
import dev.gen4j.sched.Scheduler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * Bytes allocated per round trip on the scheduler's thread when one task echoes a loopback
 * connection and another, on the same scheduler, sends 64 bytes and reads them back, through
 * {@link Net}: the I/O waits of the scheduler and the {@code Net} helpers' own generators.
 * {@code java -cp bench/target/benchmarks.jar dev.gen4j.bench.IoPathAllocation}
 */
public final class IoPathAllocation {
    static final int WARM_UP = 100_000;
    static final int MEASURED = 500_000;

    private IoPathAllocation() {
    }

    @Generator
    static Gen<Void> echo(SocketChannel peer) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
        while ((int) Yield.from(Net.read(peer, buffer.clear())) >= 0) {
            Yield.from(Net.writeAll(peer, buffer.flip()));
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> client(SocketChannel channel, long[] allocated) throws IOException {
        ByteBuffer out = ByteBuffer.allocateDirect(64);
        ByteBuffer in = ByteBuffer.allocateDirect(64);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            if (i == WARM_UP) {
                allocated[0] = threads.getThreadAllocatedBytes(tid);
            }
            Yield.from(Net.writeAll(channel, out.clear()));
            in.clear();
            while (in.hasRemaining()) {
                Yield.from(Net.read(channel, in));
            }
        }
        allocated[0] = threads.getThreadAllocatedBytes(tid) - allocated[0];
        channel.close();
        return Gen.done();
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open();
                Scheduler s = new Scheduler()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.connect(server.getLocalAddress());
            SocketChannel peer = server.accept();
            peer.configureBlocking(false);
            client.configureBlocking(false);
            long[] allocated = new long[1];
            s.spawn(echo(peer));
            s.spawn(client(client, allocated));
            s.run();
            peer.close();
            System.out.printf(Locale.ROOT, "%d round trips: %.1f bytes allocated per round trip%n",
                    MEASURED, (double) allocated[0] / MEASURED);
        }
    }
}
