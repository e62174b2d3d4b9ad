package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop: turns, failures, stop and close. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SchedulerTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Generator
    static Gen<Void> worker(String name, int turns, List<String> log) {
        for (int i = 0; i < turns; i++) {
            log.add(name + i);
            Yield.now();
        }
        return Gen.done();
    }

    @Test
    void tasksTakeTurnsAtEachYieldInSpawnOrder() {
        try (Scheduler s = new Scheduler()) {
            s.spawn(worker("a", 3, log));
            s.spawn(worker("b", 1, log));
            s.spawn(worker("c", 2, log));
            s.run();
        }
        assertEquals(List.of("a0", "b0", "c0", "a1", "c1", "a2"), log);
    }

    @Generator
    static Gen<Void> yieldsPlainValues(List<String> log) {
        Object first = Yield.now("not a request");
        Object second = Yield.now(42);
        log.add(first + "," + second);
        return Gen.done();
    }

    @Test
    void anyOtherValueIsJustATurnResumedWithNull() {
        try (Scheduler s = new Scheduler()) {
            s.spawn(yieldsPlainValues(log));
            s.spawn(worker("w", 3, log));
            s.run();
        }
        assertEquals(List.of("w0", "w1", "null,null", "w2"), log);
    }

    @Test
    void runReturnsAtOnceWithoutTasksAndAgainAfterAllEnded() {
        try (Scheduler s = new Scheduler()) {
            s.run();
            s.spawn(worker("a", 1, log));
            s.run();
            s.spawn(worker("b", 1, log));
            s.run();
        }
        assertEquals(List.of("a0", "b0"), log);
    }

    @Generator
    static Gen<Void> failsAfter(int turns, RuntimeException failure) {
        for (int i = 0; i < turns; i++) {
            Yield.now();
        }
        throw failure;
    }

    @Test
    void aFailingTaskIsReportedAndRemovedWhileTheOthersGoOn() {
        RuntimeException boom = new IllegalStateException("boom");
        try (Scheduler s = new Scheduler()) {
            s.spawn(worker("a", 4, log));
            long failing = s.spawn(failsAfter(1, boom));
            s.spawn(worker("c", 4, log));
            List<LogRecord> records = SchedulerLog.logged(s);
            assertEquals(List.of("a0", "c0", "a1", "c1", "a2", "c2", "a3", "c3"), log);
            assertEquals(1, records.size());
            LogRecord record = records.get(0);
            assertSame(boom, record.getThrown());
            assertEquals(java.util.logging.Level.SEVERE, record.getLevel());
            assertTrue(record.getMessage().contains("task " + failing), record.getMessage());
        }
    }

    @Generator
    static Gen<Void> waitsForever(CompletableFuture<?> never, CountDownLatch waiting, List<String> log) {
        try {
            waiting.countDown();
            Yield.now(never);
            log.add("resumed");
        } finally {
            log.add("finally");
        }
        return Gen.done();
    }

    @Test
    void stopFromAnotherThreadEndsRunWhileTasksWait() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        try (Scheduler s = new Scheduler()) {
            s.spawn(waitsForever(new CompletableFuture<>(), waiting, log));
            Thread stopper = new Thread(() -> {
                try {
                    waiting.await();
                    s.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            s.run();
            stopper.join();
            assertEquals(List.of(), log, "the waiting task is left as it was");
        }
        assertEquals(List.of("finally"), log, "close() ran its finally block");
    }

    @Test
    void stopBeforeRunMakesRunReturnAtOnceAndOnlyOnce() {
        try (Scheduler s = new Scheduler()) {
            s.spawn(worker("a", 2, log));
            s.stop();
            s.run();
            assertEquals(List.of(), log);
            s.run();
            assertEquals(List.of("a0", "a1"), log);
        }
    }

    @Generator
    static Gen<Void> stopsTheScheduler(Scheduler s, List<String> log) {
        Yield.now();
        log.add("stopping");
        s.stop();
        Yield.now();
        log.add("never resumed");
        return Gen.done();
    }

    @Generator
    static Gen<Void> guarded(String name, Object request, List<String> log) {
        try {
            for (;;) {
                Yield.now(request);
            }
        } finally {
            log.add(name + " finally");
        }
    }

    @Test
    void closeRunsTheFinallyBlocksOfEveryTaskLeftInSpawnOrder() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        Scheduler s = new Scheduler();
        s.spawn(guarded("sleeper", Sys.sleep(Duration.ofHours(1)), log));
        s.spawn(guarded("reader", Io.readable(pipe.source()), log));
        s.spawn(guarded("spinner", null, log));
        s.spawn(stopsTheScheduler(s, log));
        s.run();
        assertEquals(List.of("stopping"), log);
        s.close();
        assertEquals(List.of("stopping", "sleeper finally", "reader finally", "spinner finally"), log);
        assertThrows(IllegalStateException.class, () -> s.spawn(worker("late", 1, log)));
        pipe.source().close();
        pipe.sink().close();
    }

    @Generator
    static Gen<Void> callsRun(Scheduler s, List<Throwable> caught) {
        try {
            s.run();
        } catch (IllegalStateException e) {
            caught.add(e);
        }
        return Gen.done();
    }

    @Test
    void runCannotBeEnteredFromATask() {
        List<Throwable> caught = new ArrayList<>();
        try (Scheduler s = new Scheduler()) {
            s.spawn(callsRun(s, caught));
            s.run();
        }
        assertEquals(1, caught.size());
    }

    @Generator
    static Gen<Void> yieldsAGenerator(List<String> log) {
        try {
            Yield.now(worker("inner", 1, log));
            log.add("resumed");
        } catch (IllegalArgumentException e) {
            log.add(e.getMessage());
        }
        return Gen.done();
    }

    @Test
    void yieldingAGeneratorThrowsAnErrorSayingToUseYieldFrom() {
        try (Scheduler s = new Scheduler()) {
            s.spawn(yieldsAGenerator(log));
            s.run();
        }
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("Yield.from(gen)"), log.get(0));
        assertTrue(log.get(0).contains("SchedulerTest.worker"), log.get(0));
    }

    @Generator
    static Gen<Void> busyFor(long nanos) {
        Yield.now();
        long start = System.nanoTime();
        while (System.nanoTime() - start <= nanos) {
            Thread.onSpinWait();
        }
        return Gen.done();
    }

    @Test
    void aTurnLongerThanTheThresholdIsReportedWithTheTaskAndItsGenerator() {
        try (Scheduler s = new Scheduler()) {
            s.warnSlowTurns(Duration.ofMillis(5));
            s.spawn(worker("quick", 3, log));
            long slow = s.spawn(busyFor(Duration.ofMillis(20).toNanos()));
            // A quick turn may be reported too, if a pause of the JVM made it slow: look for this one.
            List<LogRecord> records = SchedulerLog.logged(s).stream()
                    .filter(r -> r.getMessage().contains("task " + slow + " ")).toList();
            assertEquals(1, records.size(), records.toString());
            LogRecord record = records.get(0);
            assertEquals(java.util.logging.Level.WARNING, record.getLevel());
            assertTrue(record.getMessage().contains("SchedulerTest.busyFor"), record.getMessage());
        }
    }

    @Test
    void slowTurnsAreNotReportedByDefault() {
        try (Scheduler s = new Scheduler()) {
            s.spawn(busyFor(Duration.ofMillis(20).toNanos()));
            assertEquals(List.of(), SchedulerLog.logged(s));
        }
    }

    @Test
    void theSystemPropertyTurnsSlowTurnWarningsOnAndNullTurnsThemOff() {
        System.setProperty(Scheduler.SLOW_TURN_PROPERTY, "5");
        Scheduler withProperty;
        try {
            withProperty = new Scheduler();
        } finally {
            System.clearProperty(Scheduler.SLOW_TURN_PROPERTY);
        }
        try (Scheduler s = withProperty) {
            s.spawn(busyFor(Duration.ofMillis(20).toNanos()));
            assertTrue(SchedulerLog.logged(s).stream().anyMatch(r -> r.getMessage().contains("SchedulerTest.busyFor")));
            s.warnSlowTurns(null);
            s.spawn(busyFor(Duration.ofMillis(20).toNanos()));
            assertEquals(List.of(), SchedulerLog.logged(s));
        }
    }
}
