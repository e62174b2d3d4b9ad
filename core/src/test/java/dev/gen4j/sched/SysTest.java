package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each system call, as a task sees it. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SysTest {
    private final List<Object> log = new ArrayList<>();

    private void runAll(Gen<?>... tasks) {
        try (Scheduler s = new Scheduler()) {
            for (Gen<?> task : tasks) {
                s.spawn(task);
            }
            s.run();
        }
    }

    @Generator
    static Gen<Void> recordsTid(List<Object> log) {
        long me = Yield.now(Sys.tid());
        log.add(me);
        return Gen.done();
    }

    @Test
    void tidAnswersTheIdSpawnReturned() {
        List<Long> ids = new ArrayList<>();
        try (Scheduler s = new Scheduler()) {
            ids.add(s.spawn(recordsTid(log)));
            ids.add(s.spawn(recordsTid(log)));
            s.run();
        }
        assertEquals(ids, log);
        assertTrue(ids.get(0) != ids.get(1));
    }

    @Generator
    static Gen<Void> parent(List<Object> log) {
        long child = Yield.now(Sys.spawn(recordsTid(log)));
        log.add("parent got " + child);
        return Gen.done();
    }

    @Test
    void spawnAnswersTheNewIdAndTheParentResumesFirst() {
        runAll(parent(log));
        assertEquals(2, log.size());
        assertEquals("parent got " + log.get(1), log.get(0));
    }

    @Generator
    static Gen<Void> victim(List<Object> log) {
        try {
            for (;;) {
                log.add("victim runs");
                Yield.now();
            }
        } finally {
            log.add("victim finally");
        }
    }

    @Generator
    static Gen<Void> killer(long victim, List<Object> log) {
        Yield.now();
        boolean killed = Yield.now(Sys.kill(victim));
        log.add("killed " + killed);
        boolean again = Yield.now(Sys.kill(victim));
        log.add("killed again " + again);
        return Gen.done();
    }

    @Test
    void killClosesTheVictimSoItsFinallyRunsAndAnswersWhetherItExisted() {
        try (Scheduler s = new Scheduler()) {
            long v = s.spawn(victim(log));
            s.spawn(killer(v, log));
            s.run();
        }
        assertEquals(List.of("victim runs", "victim runs", "victim finally", "killed true", "killed again false"), log);
    }

    @Generator
    static Gen<String> child(int turns, Object result, Exception failure) throws Exception {
        for (int i = 0; i < turns; i++) {
            Yield.now();
        }
        if (failure != null) {
            throw failure;
        }
        return Gen.done(result);
    }

    @Generator
    static Gen<Void> joiner(Gen<?> child, List<Object> log) {
        long id = Yield.now(Sys.spawn(child));
        try {
            Object result = Yield.now(Sys.join(id));
            log.add(result);
        } catch (Throwable failure) {
            log.add(failure);
        }
        return Gen.done();
    }

    @Test
    void joinAnswersTheResult() throws Exception {
        runAll(joiner(child(3, "the result", null), log));
        assertEquals(List.of("the result"), log);
    }

    @Test
    void joinThrowsTheChildsExceptionItself() throws Exception {
        IOException failure = new IOException("child failed");
        runAll(joiner(child(2, null, failure), log));
        assertEquals(1, log.size());
        assertSame(failure, log.get(0));
    }

    @Test
    void joinOfAChildThatEndsAtOnceStillWorks() throws Exception {
        runAll(joiner(child(0, "quick", null), log));
        assertEquals(List.of("quick"), log);
    }

    @Generator
    static Gen<Void> joinsThenKills(List<Object> log) {
        long v = Yield.now(Sys.spawn(victim(new ArrayList<>())));
        Yield.now(Sys.spawn(killer(v, new ArrayList<>())));
        try {
            Yield.now(Sys.join(v));
        } catch (CancellationException e) {
            log.add(e.getMessage());
        }
        return Gen.done();
    }

    @Test
    void joiningAKilledTaskThrowsCancellationException() {
        runAll(joinsThenKills(log));
        assertEquals(1, log.size());
        assertTrue(((String) log.get(0)).contains("was killed"), log.toString());
    }

    @Generator
    static Gen<Void> joins(long id, List<Object> log) {
        try {
            Yield.now(Sys.join(id));
        } catch (RuntimeException e) {
            log.add(e.getClass());
        }
        return Gen.done();
    }

    @Test
    void joiningAnUnknownTaskOrItselfThrows() {
        try (Scheduler s = new Scheduler()) {
            long first = s.spawn(joins(999, log));
            long second = first + 1; // ids count up
            assertEquals(second, s.spawn(joins(second, log)));
            s.run();
        }
        assertEquals(List.of(NoSuchElementException.class, IllegalArgumentException.class), log);
    }

    @Generator
    static Gen<Void> sleeper(String name, Duration d, List<Object> log) {
        Yield.now(Sys.sleep(d));
        log.add(name);
        return Gen.done();
    }

    @Test
    void sleepersWakeInDeadlineOrder() {
        runAll(sleeper("150ms", Duration.ofMillis(150), log),
                sleeper("100ms", Duration.ofMillis(100), log),
                sleeper("50ms", Duration.ofMillis(50), log),
                sleeper("zero", Duration.ZERO, log));
        assertEquals(List.of("zero", "50ms", "100ms", "150ms"), log);
    }

    @Test
    void sleepersDueTogetherWakeInTheOrderTheyWentToSleep() {
        Duration d = Duration.ofMillis(20);
        runAll(sleeper("x", d, log), sleeper("y", d, log), sleeper("z", d, log));
        assertEquals(List.of("x", "y", "z"), log);
    }

    @Test
    void sleepRefusesNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> Sys.sleep(Duration.ofMillis(-1)));
    }
}
