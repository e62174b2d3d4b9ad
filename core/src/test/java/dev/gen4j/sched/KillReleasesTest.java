package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A killed task releases at once everything it held in the scheduler: what only its frame holds
 * can be collected while the scheduler, and what the task waited for, live on.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillReleasesTest {
    /** Holds a payload that only its frame references, and waits for {@code request} forever. */
    @Generator
    static Gen<Void> holdsWhileWaiting(Object request, List<WeakReference<Object>> payloads) {
        byte[] payload = new byte[64 * 1024];
        payloads.add(new WeakReference<>(payload));
        for (;;) {
            Yield.now(request);
            payload[0]++;
        }
    }

    @Generator
    static Gen<Void> kills(long victim, List<Object> log) {
        Yield.now();
        boolean killed = Yield.now(Sys.kill(victim));
        log.add("killed " + killed);
        return Gen.done();
    }

    /**
     * Runs a victim waiting on {@code request} and a task that kills it, then checks, with the
     * scheduler still open and {@code request} still reachable, that the victim's frame is gone.
     */
    private static void assertKillReleases(Object request) {
        List<WeakReference<Object>> payloads = new ArrayList<>();
        List<Object> log = new ArrayList<>();
        try (Scheduler s = new Scheduler()) {
            long victim = s.spawn(holdsWhileWaiting(request, payloads));
            s.spawn(kills(victim, log));
            s.run();
            assertEquals(List.of("killed true"), log);
            assertCollected(payloads.get(0));
            Reference.reachabilityFence(s);
        }
        Reference.reachabilityFence(request);
    }

    /** Polls the collector until {@code ref} is cleared, within a generous bound of collections. */
    static void assertCollected(WeakReference<?> ref) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
        }
        assertTrue(ref.get() == null, "still reachable after 50 collections");
    }

    @Test
    void aKilledSleeperLeavesTheTimersAtOnce() {
        assertKillReleases(Sys.sleep(Duration.ofDays(1)));
    }

    @Test
    void aKilledWaiterOfACompletableFutureIsNotKeptByTheFuture() {
        assertKillReleases(new CompletableFuture<String>());
    }

    @Test
    void aKilledWaiterOfAPlainFutureIsNotKeptByTheThreadBlockedOnIt() {
        assertKillReleases(new FutureTask<>(() -> "never run"));
    }

    @Test
    void aKilledWaiterOfAChannelIsNotKeptByTheSelector() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            assertKillReleases(Io.readable(source));
        }
    }

    @Generator
    static Gen<Void> killsThenStops(long victim, Scheduler s, List<Object> log) {
        Yield.now();
        boolean killed = Yield.now(Sys.kill(victim));
        log.add("killed " + killed);
        s.stop();
        return Gen.done();
    }

    @Test
    void aKilledJoinerIsNotKeptByTheTaskItJoins() {
        List<WeakReference<Object>> payloads = new ArrayList<>();
        List<Object> log = new ArrayList<>();
        CompletableFuture<String> never = new CompletableFuture<>();
        try (Scheduler s = new Scheduler()) {
            long joined = s.spawn(holdsWhileWaiting(never, new ArrayList<>()));
            long joiner = s.spawn(holdsWhileWaiting(Sys.join(joined), payloads));
            s.spawn(killsThenStops(joiner, s, log));
            s.run();
            assertEquals(List.of("killed true"), log);
            assertCollected(payloads.get(0));
        }
    }

    /** A plain future that says when a thread starts and stops waiting in {@link #get()}. */
    static final class WatchedFuture extends FutureTask<String> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch left = new CountDownLatch(1);

        WatchedFuture() {
            super(() -> "never run");
        }

        @Override
        public String get() throws InterruptedException, ExecutionException {
            entered.countDown();
            try {
                return super.get();
            } finally {
                left.countDown();
            }
        }
    }

    @Generator
    static Gen<Void> killsOnceWaitedFor(long victim, WatchedFuture future, List<Object> log) throws InterruptedException {
        future.entered.await(); // blocks the loop, not the thread that waits for the future
        boolean killed = Yield.now(Sys.kill(victim));
        log.add("killed " + killed);
        return Gen.done();
    }

    @Test
    void aKilledWaiterOfAPlainFutureLetsTheThreadBlockedOnItGo() throws InterruptedException {
        WatchedFuture never = new WatchedFuture();
        List<Object> log = new ArrayList<>();
        try (Scheduler s = new Scheduler()) {
            long victim = s.spawn(holdsWhileWaiting(never, new ArrayList<>()));
            s.spawn(killsOnceWaitedFor(victim, never, log));
            s.run();
            assertEquals(List.of("killed true"), log);
            assertTrue(never.left.await(20, TimeUnit.SECONDS), "the thread still waits in get()");
        }
    }
}
