package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** I/O waits on the scheduler's selector, and the Net helpers. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IoTest {
    /** Small socket buffers, so that big writes are partial and tasks wait for writability. */
    private static final int SMALL_BUFFER = 8 * 1024;

    private final List<Object> log = new ArrayList<>();

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    /** Echoes the first connection to {@code server} until the peer closes its side. */
    @Generator
    static Gen<Void> echoOnce(ServerSocketChannel server) throws IOException {
        try (SocketChannel peer = Yield.from(Net.accept(server))) {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while ((int) Yield.from(Net.read(peer, buffer.clear())) >= 0) {
                Yield.from(Net.writeAll(peer, buffer.flip()));
            }
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> writeThenShutdown(SocketChannel channel, byte[] data, List<Object> log) throws IOException {
        int written = Yield.from(Net.writeAll(channel, ByteBuffer.wrap(data)));
        channel.shutdownOutput();
        log.add("wrote " + written);
        return Gen.done();
    }

    @Generator
    static Gen<byte[]> readToEnd(SocketChannel channel) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while ((int) Yield.from(Net.read(channel, buffer.clear())) >= 0) {
            all.write(buffer.array(), 0, buffer.position());
        }
        return Gen.done(all.toByteArray());
    }

    @Test
    void oneTaskReadsAChannelWhileAnotherWritesIt() throws Exception {
        byte[] data = pattern(1 << 20);
        try (ServerSocketChannel server = ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open();
                Scheduler s = new Scheduler()) {
            server.setOption(StandardSocketOptions.SO_RCVBUF, SMALL_BUFFER);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.setOption(StandardSocketOptions.SO_RCVBUF, SMALL_BUFFER);
            client.setOption(StandardSocketOptions.SO_SNDBUF, SMALL_BUFFER);
            client.connect(server.getLocalAddress());
            client.configureBlocking(false);

            s.spawn(echoOnce(server));
            s.spawn(writeThenShutdown(client, data, log));
            long reader = s.spawn(readToEnd(client));
            s.spawn(joinInto(reader, log));
            s.run();
        }
        assertEquals(2, log.size());
        assertEquals("wrote " + data.length, log.get(0));
        assertArrayEquals(data, (byte[]) log.get(1));
    }

    @Generator
    static Gen<Void> joinInto(long id, List<Object> log) {
        Object result = Yield.now(Sys.join(id));
        log.add(result);
        return Gen.done();
    }

    @Generator
    static Gen<Void> awaitsReadable(Pipe.SourceChannel source, List<Object> log) {
        try {
            Yield.now(Io.readable(source));
            log.add("readable");
        } catch (Exception thrownIn) {
            log.add(thrownIn.getClass());
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> closesLater(Pipe.SourceChannel source) throws IOException {
        Yield.now();
        source.close();
        return Gen.done();
    }

    @Test
    void aTaskWaitingOnAChannelAnotherTaskClosesGetsClosedChannelException() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        try (Scheduler s = new Scheduler()) {
            s.spawn(awaitsReadable(pipe.source(), log));
            s.spawn(closesLater(pipe.source()));
            s.run();
        } finally {
            pipe.sink().close();
        }
        assertEquals(List.of(ClosedChannelException.class), log);
    }

    @Test
    void aPipeBecomesReadableWhenWritten() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            s.spawn(awaitsReadable(source, log));
            s.spawn(writesByte(sink));
            s.run();
        }
        assertEquals(List.of("readable"), log);
    }

    @Generator
    static Gen<Void> writesByte(Pipe.SinkChannel sink) throws IOException {
        Yield.now();
        sink.write(ByteBuffer.wrap(new byte[] {1}));
        return Gen.done();
    }

    @Test
    void aBlockingChannelIsRefusedInsideTheTask() throws IOException {
        Pipe pipe = Pipe.open();
        try (Scheduler s = new Scheduler(); Pipe.SourceChannel source = pipe.source()) {
            s.spawn(awaitsReadable(source, log));
            s.run();
        } finally {
            pipe.sink().close();
        }
        assertEquals(List.of(IllegalBlockingModeException.class), log);
    }

    @Test
    void waitingToReadAWriteOnlyChannelIsRefusedAtOnce() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            assertThrows(IllegalArgumentException.class, () -> Io.readable(sink));
            assertThrows(IllegalArgumentException.class, () -> Io.writable(source));
        }
    }

    @Generator
    static Gen<Void> readsAByte(Pipe.SourceChannel source, List<Object> log) throws IOException {
        Yield.now(Io.readable(source));
        ByteBuffer one = ByteBuffer.allocate(1);
        log.add("read " + source.read(one));
        return Gen.done();
    }

    @Test
    void aChannelWhoseTasksHaveEndedCanBeMadeBlockingAndWaitedOnAgain() throws IOException {
        Pipe pipe = Pipe.open();
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {1, 2}));
            s.spawn(readsAByte(source, log));
            s.run();
            source.configureBlocking(true);
            assertEquals(1, source.read(ByteBuffer.allocate(1)), "a blocking read after the scheduler let go");
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {3}));
            s.spawn(readsAByte(source, log));
            s.run();
        }
        assertEquals(List.of("read 1", "read 1"), log);
    }

    @Generator
    static Gen<Void> readsThenGoesBlocking(Pipe.SourceChannel source, int turns, List<Object> log) throws IOException {
        Yield.now(Io.readable(source));
        source.read(ByteBuffer.allocate(1));
        for (int i = 0; i < turns; i++) {
            Yield.now();
        }
        source.configureBlocking(true);
        log.add("blocking");
        return Gen.done();
    }

    @Test
    void aChannelNoTaskWaitedOnForAWholePassIsLetGoWhileTheSchedulerRuns() throws IOException {
        Pipe pipe = Pipe.open();
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {1}));
            s.spawn(readsThenGoesBlocking(source, 2, log));
            s.run();
        }
        assertEquals(List.of("blocking"), log);
    }

    @Generator
    static Gen<Void> waitsInTurn(int me, Pipe.SourceChannel source, List<Object> log) {
        Yield.now(Io.readable(source));
        log.add(me);
        return Gen.done();
    }

    @Generator
    static Gen<Void> killsEveryOtherThenWrites(long firstId, int count, Pipe.SinkChannel sink) throws IOException {
        for (int i = 1; i < count; i += 2) {
            Yield.now(Sys.kill(firstId + i));
        }
        sink.write(ByteBuffer.wrap(new byte[] {1}));
        return Gen.done();
    }

    @Test
    void manyWaitersOnOneChannelWakeInTheOrderTheyCameAndKilledOnesLeave() throws IOException {
        int count = 20_000;
        Pipe pipe = Pipe.open();
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            long first = s.spawn(waitsInTurn(0, source, log));
            for (int i = 1; i < count; i++) {
                s.spawn(waitsInTurn(i, source, log));
            }
            s.spawn(killsEveryOtherThenWrites(first, count, sink));
            s.run();
        }
        List<Object> survivors = new ArrayList<>();
        for (int i = 0; i < count; i += 2) {
            survivors.add(i);
        }
        assertEquals(survivors, log);
    }

    @Generator
    static Gen<Void> readsThreeBytesOnOneIo(Pipe.SourceChannel source, List<Object> log) throws IOException {
        Io readable = Io.readable(source);
        ByteBuffer one = ByteBuffer.allocate(1);
        for (int i = 0; i < 3; i++) {
            Yield.now(readable);
            source.read(one.clear());
            log.add("read " + one.get(0));
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> writesAByteATurn(Pipe.SinkChannel sink, List<Object> log) throws IOException {
        for (byte b = 1; b <= 3; b++) {
            log.add("write " + b);
            sink.write(ByteBuffer.wrap(new byte[] {b}));
            Yield.now();
        }
        return Gen.done();
    }

    @Test
    void oneIoYieldedAgainAndAgainWaitsAnewEachTime() throws IOException {
        Pipe pipe = Pipe.open();
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            s.spawn(readsThreeBytesOnOneIo(source, log));
            s.spawn(writesAByteATurn(sink, log));
            s.run();
        }
        assertEquals(List.of("read 1", "read 2", "read 3"), log.stream().filter(l -> ((String) l).startsWith("read")).toList());
        for (int b = 1; b <= 3; b++) {
            assertTrue(log.indexOf("read " + b) > log.indexOf("write " + b), log::toString);
        }
    }
}
