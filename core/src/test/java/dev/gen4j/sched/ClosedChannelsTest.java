package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channels closed under the waiting tasks' feet: by another task, or by another thread. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClosedChannelsTest {
    /**
     * Opens pipes one after the other; for each, hands it to the closer thread (which makes it
     * readable and closes it at once) and waits on it; counts how each wait ended.
     */
    @Generator
    static Gen<Void> waitsOnPipesClosedElsewhere(int rounds, BlockingQueue<Pipe> toClose, Map<String, AtomicInteger> outcomes)
            throws IOException {
        for (int i = 0; i < rounds; i++) {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            toClose.add(pipe);
            String outcome;
            try {
                Yield.now(Io.readable(pipe.source()));
                outcome = "readable";
            } catch (Exception thrownIn) {
                outcome = thrownIn.getClass().getSimpleName();
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
            pipe.sink().close();
            pipe.source().close();
        }
        return Gen.done();
    }

    @Test
    void channelsClosedByAnotherThreadThousandsOfTimesNeverStopTheLoop() throws Exception {
        int tasks = 8;
        int rounds = 500;
        BlockingQueue<Pipe> toClose = new LinkedBlockingQueue<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Pipe stop = Pipe.open();
        Thread closer = new Thread(() -> {
            try {
                for (Pipe p; (p = toClose.take()) != stop; ) {
                    p.sink().write(ByteBuffer.wrap(new byte[] {1}));
                    p.source().close();
                }
            } catch (InterruptedException | IOException e) {
                throw new AssertionError(e);
            }
        }, "closer");
        closer.start();
        try (Scheduler s = new Scheduler()) {
            for (int t = 0; t < tasks; t++) {
                s.spawn(waitsOnPipesClosedElsewhere(rounds, toClose, outcomes));
            }
            s.run();
        } finally {
            toClose.add(stop);
            closer.join();
            stop.sink().close();
            stop.source().close();
        }
        int total = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(tasks * rounds, total, outcomes.toString());
        outcomes.keySet().forEach(outcome -> assertTrue(
                outcome.equals("readable") || outcome.equals("ClosedChannelException"),
                "every wait ends readable or with ClosedChannelException: " + outcomes));
    }

    @Generator
    static Gen<Void> waitsThenLogs(Pipe.SourceChannel source, CountDownLatch waiting, List<String> log) {
        try {
            waiting.countDown();
            Yield.now(Io.readable(source));
            log.add("readable");
        } catch (Exception thrownIn) {
            log.add(thrownIn.getClass().getSimpleName());
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> closesAfterATurn(Pipe.SourceChannel source, List<String> log) throws IOException {
        Yield.now();
        source.close();
        log.add("closed");
        return Gen.done();
    }

    @Generator
    static Gen<Void> spinsUntilLogged(int maxTurns, List<String> log) {
        for (int turn = 0; turn < maxTurns && !log.contains("ClosedChannelException"); turn++) {
            Yield.now();
        }
        log.add("spinner stops");
        return Gen.done();
    }

    @Test
    void aChannelClosedByAnotherTaskWakesItsWaiterWhileAnotherTaskKeepsYielding() throws IOException {
        List<String> log = new ArrayList<>();
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink()) {
            s.spawn(waitsThenLogs(pipe.source(), new CountDownLatch(1), log));
            s.spawn(closesAfterATurn(pipe.source(), log));
            s.spawn(spinsUntilLogged(1000, log));
            s.run();
        }
        assertEquals(List.of("closed", "ClosedChannelException", "spinner stops"), log);
    }

    @Generator
    static Gen<Void> countsDown(CountDownLatch latch) {
        latch.countDown();
        return Gen.done();
    }

    /** Waits until {@code loop} is inside a selector's select: it is blocked, or about to be. */
    static void awaitBlockedInSelect(Thread loop) {
        for (;;) {
            for (StackTraceElement frame : loop.getStackTrace()) {
                if (frame.getMethodName().equals("doSelect") && frame.getClassName().endsWith("SelectorImpl")) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChannelClosedByAnotherThreadWakesItsWaiterWhileTheLoopIsBlocked() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        // The second task runs after the first has registered its wait; then both are done
        // running, and the loop has nothing to do but block in its selector.
        CountDownLatch registered = new CountDownLatch(1);
        Thread loop = Thread.currentThread();
        Thread closer = new Thread(() -> {
            try {
                registered.await();
                awaitBlockedInSelect(loop);
                pipe.source().close();
            } catch (InterruptedException | IOException e) {
                throw new AssertionError(e);
            }
        }, "closer");
        closer.start();
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink()) {
            s.spawn(waitsThenLogs(pipe.source(), new CountDownLatch(1), log));
            s.spawn(countsDown(registered));
            s.run();
        } finally {
            closer.join();
        }
        assertEquals(List.of("ClosedChannelException"), log);
    }
}
