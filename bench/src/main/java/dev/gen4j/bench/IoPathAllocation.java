package dev.gen4j.bench;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Io;
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
 * connection and another, on the same scheduler, sends 64 bytes and reads them back, over
 * {@value #MEASURED} round trips after {@value #WARM_UP} of warm-up; two ways:
 * <ul>
 * <li>through the {@link Net} helpers: a generator per call and its result, an {@link Io} per
 *     wait, besides the scheduler's waits;
 * <li>as the echo sample's handler does: each task keeps one {@code Io.readable} and waits on
 *     it, then reads and writes the channel directly (a write waits only if it is partial).
 *     This is the scheduler's own cost: the target is 0.
 * </ul>
 * {@code java -cp bench/target/benchmarks.jar dev.gen4j.bench.IoPathAllocation}
 */
public final class IoPathAllocation {
    static final int WARM_UP = 100_000;
    static final int MEASURED = 1_000_000;
    static final int MESSAGE = 64;

    private IoPathAllocation() {
    }

    /** Counts the bytes the scheduler's thread allocates over the measured round trips. */
    static final class Meter {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final long tid = Thread.currentThread().getId();
        private long allocated;

        /** Called before round trip {@code i}: starts counting at the first measured one. */
        void before(int i) {
            if (i == WARM_UP) {
                allocated = threads.getThreadAllocatedBytes(tid);
            }
        }

        void end() {
            allocated = threads.getThreadAllocatedBytes(tid) - allocated;
        }

        double perRoundTrip() {
            return (double) allocated / MEASURED;
        }
    }

    @Generator
    static Gen<Void> netEcho(SocketChannel peer) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
        while ((int) Yield.from(Net.read(peer, buffer.clear())) >= 0) {
            Yield.from(Net.writeAll(peer, buffer.flip()));
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> netClient(SocketChannel channel, Meter meter) throws IOException {
        ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE);
        ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE);
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            meter.before(i);
            Yield.from(Net.writeAll(channel, out.clear()));
            in.clear();
            while (in.hasRemaining()) {
                Yield.from(Net.read(channel, in));
            }
        }
        meter.end();
        channel.close();
        return Gen.done();
    }

    @Generator
    static Gen<Void> directEcho(SocketChannel peer) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
        Io readable = Io.readable(peer);
        for (;;) {
            Yield.now(readable);
            int n = peer.read(buffer.clear());
            if (n < 0) {
                return Gen.done();
            }
            peer.write(buffer.flip());
            if (buffer.hasRemaining()) {
                Yield.from(Net.writeAll(peer, buffer));
            }
        }
    }

    @Generator
    static Gen<Void> directClient(SocketChannel channel, Meter meter) throws IOException {
        ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE);
        ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE);
        Io readable = Io.readable(channel);
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            meter.before(i);
            channel.write(out.clear());
            if (out.hasRemaining()) {
                Yield.from(Net.writeAll(channel, out));
            }
            in.clear();
            while (in.hasRemaining()) {
                Yield.now(readable);
                if (channel.read(in) < 0) {
                    throw new IOException("the echo task closed after " + i + " round trips");
                }
            }
        }
        meter.end();
        channel.close();
        return Gen.done();
    }

    interface Pair {
        void spawn(Scheduler s, SocketChannel peer, SocketChannel client, Meter meter) throws IOException;
    }

    static double measure(Pair tasks) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open();
                Scheduler s = new Scheduler()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.connect(server.getLocalAddress());
            try (SocketChannel peer = server.accept()) {
                peer.configureBlocking(false);
                client.configureBlocking(false);
                Meter meter = new Meter();
                tasks.spawn(s, peer, client, meter);
                s.run();
                return meter.perRoundTrip();
            }
        }
    }

    public static void main(String[] args) throws IOException {
        double net = measure((s, peer, client, meter) -> {
            s.spawn(netEcho(peer));
            s.spawn(netClient(client, meter));
        });
        System.out.printf(Locale.ROOT, "%,d round trips through Net's helpers: %.1f bytes allocated per round trip%n",
                MEASURED, net);
        double direct = measure((s, peer, client, meter) -> {
            s.spawn(directEcho(peer));
            s.spawn(directClient(client, meter));
        });
        System.out.printf(Locale.ROOT, "%,d round trips waiting on kept Io objects, reading and writing directly"
                + " (as the echo sample): %.1f bytes allocated per round trip%n", MEASURED, direct);
    }
}
