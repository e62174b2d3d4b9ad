package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pass of the loop touches the selector only when a channel is waited on or nothing is ready. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QuietPassTest {
    private final List<String> log = new ArrayList<>();

    @Generator
    static Gen<Void> sends(Mailbox<Integer> out, Mailbox<Integer> back, int rounds, List<String> log) {
        int v = 0;
        for (int r = 0; r < rounds; r++) {
            Yield.now(out.put(v));
            v = Yield.<Integer>now(back.take()) + 1;
        }
        log.add("last " + v);
        return Gen.done();
    }

    @Generator
    static Gen<Void> answers(Mailbox<Integer> in, Mailbox<Integer> out, int rounds) {
        for (int r = 0; r < rounds; r++) {
            int got = Yield.now(in.take());
            Yield.now(out.put(got + 1));
        }
        return Gen.done();
    }

    @Test
    void tasksHandingMessagesBackAndForthNeverCallTheSelector() {
        Mailbox<Integer> out = new Mailbox<>(0);
        Mailbox<Integer> back = new Mailbox<>(0);
        try (Scheduler s = new Scheduler()) {
            s.spawn(sends(out, back, 1_000, log));
            s.spawn(answers(out, back, 1_000));
            s.run();
            assertEquals(List.of("last 2000"), log);
            assertEquals(0, s.selectorCalls());
        }
    }

    @Generator
    static Gen<Void> sleepsOnce(List<String> log) {
        Yield.now(Sys.sleep(Duration.ofMillis(1)));
        log.add("woke");
        return Gen.done();
    }

    @Test
    void withNothingReadyTheLoopStillWaitsOnTheSelector() {
        try (Scheduler s = new Scheduler()) {
            s.spawn(sleepsOnce(log));
            s.run();
            assertEquals(List.of("woke"), log);
            assertTrue(s.selectorCalls() > 0, "a sleeping scheduler waits in the selector");
        }
    }

    @Generator
    static Gen<Void> readsOne(Pipe.SourceChannel source, List<String> log) throws IOException {
        Yield.now(Io.readable(source));
        ByteBuffer b = ByteBuffer.allocate(1);
        source.read(b);
        log.add("read " + b.get(0));
        return Gen.done();
    }

    @Generator
    static Gen<Void> writesThenKeepsBusy(Pipe.SinkChannel sink, int turns, List<String> log) throws IOException {
        sink.write(ByteBuffer.wrap(new byte[] {7}));
        for (int i = 0; i < turns; i++) {
            Yield.now();
        }
        log.add("busy done");
        return Gen.done();
    }

    @Test
    void aChannelWaitedOnIsStillPolledWhileOtherTasksKeepRunning() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        try (Scheduler s = new Scheduler(); Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            s.spawn(readsOne(source, log));
            s.spawn(writesThenKeepsBusy(sink, 100, log));
            s.run();
        }
        assertEquals(List.of("read 7", "busy done"), log);
    }
}
