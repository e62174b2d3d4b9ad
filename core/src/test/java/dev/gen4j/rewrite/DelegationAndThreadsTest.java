package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** send/raise/close reach the innermost delegate; threads may take turns but never overlap. */
class DelegationAndThreadsTest {
    @Generator
    static Gen<String> leaf(List<String> log) {
        try {
            while (true) {
                try {
                    String got = Yield.now("leaf waiting");
                    log.add("leaf got " + got);
                } catch (IllegalArgumentException e) {
                    log.add("leaf caught " + e.getMessage());
                    return Gen.done("leaf result");
                }
            }
        } finally {
            log.add("leaf finally");
        }
    }

    @Generator
    static Gen<String> middle(List<String> log) {
        try {
            String r = Yield.from(leaf(log));
            log.add("middle got result " + r);
            Yield.now("middle after");
            return Gen.done("middle result");
        } finally {
            log.add("middle finally");
        }
    }

    @Generator
    static Gen<String> top(List<String> log) {
        try {
            return Gen.done(Yield.<String>from(middle(log)) + "!");
        } finally {
            log.add("top finally");
        }
    }

    @Test
    void sendAndRaiseReachTheInnermost() {
        List<String> log = new ArrayList<>();
        Gen<String> g = top(log);
        assertEquals("leaf waiting", g.next());
        assertEquals("leaf waiting", g.send("hello"));
        assertEquals("middle after", g.raise(new IllegalArgumentException("stop")));
        assertFalse(g.hasNext());
        assertEquals("middle result!", g.result());
        assertEquals(List.of("leaf got hello", "leaf caught stop", "leaf finally", "middle got result leaf result",
                "middle finally", "top finally"), log);
    }

    @Test
    void closeRunsEveryFinallyInTheChain() {
        List<String> log = new ArrayList<>();
        Gen<String> g = top(log);
        g.next();
        g.close();
        assertTrue(g.isDone());
        assertEquals(List.of("leaf finally", "middle finally", "top finally"), log);
    }

    @Test
    void anExceptionLeavingTheInnermostPropagatesOutward() {
        List<String> log = new ArrayList<>();
        Gen<String> g = top(log);
        g.next();
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> g.raise(boom)));
        assertEquals(List.of("leaf finally", "middle finally", "top finally"), log);
    }

    @Generator
    static Gen<Integer> blocking(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
        entered.countDown();
        assertTrue(release.await(30, TimeUnit.SECONDS));
        Yield.now(1);
        return Gen.done();
    }

    @Test
    void anotherThreadCannotEnterARunningGenerator() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Gen<Integer> g = blocking(entered, release);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(g::next);
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertTrue(e.getMessage().startsWith("generator already executing"), e.getMessage());
        release.countDown();
        assertEquals(1, first.get(30, TimeUnit.SECONDS));
    }

    @Generator
    static Gen<Long> counter() {
        long i = 0;
        while (true) {
            Yield.now(i++);
        }
    }

    @Test
    void threadsMayTakeTurns() throws Exception {
        Gen<Long> g = counter();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (long expected = 0; expected < 100; expected++) {
                assertEquals(expected, pool.submit(g::next).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Generator
    static Gen<Integer> delegatesTo(Gen<Integer> other) {
        return Gen.done(Yield.<Integer>from(other));
    }

    @Test
    void delegatingToAFinishedOrIterableGenerator() {
        Gen<Integer> finished = Gen.done(5);
        Gen<Integer> g = delegatesTo(finished);
        assertFalse(g.hasNext());
        assertEquals(5, (int) g.result());

        Gen<Integer> overList = delegatesTo(Gen.of(List.of(1, 2, 3)));
        assertEquals(List.of(1, 2, 3), overList.stream().toList());
    }

    @Generator
    static Gen<Integer> delegatesToWhatItHolds(Gen<?>[] holder) {
        return Gen.done(Yield.<Integer>from(holder[0]));
    }

    @Test
    void aGeneratorCannotDelegateToItselfNorToTheGeneratorDelegatingToIt() {
        Gen<?>[] holder = new Gen<?>[1];
        Gen<Integer> self = delegatesToWhatItHolds(holder);
        holder[0] = self;
        IllegalStateException e = assertThrows(IllegalStateException.class, self::next);
        assertTrue(e.getMessage().startsWith("generator already executing"), e.getMessage());

        Gen<?>[] outerHolder = new Gen<?>[1];
        Gen<Integer> inner = delegatesToWhatItHolds(outerHolder);
        Gen<Integer> outer = delegatesTo(inner);
        outerHolder[0] = outer;
        e = assertThrows(IllegalStateException.class, outer::next);
        assertTrue(e.getMessage().startsWith("generator already executing"), e.getMessage());
        assertTrue(inner.isDone());
    }

    @Generator
    static Gen<Long> drivesWhileDelegatedTo(Gen<?>[] holder) {
        Yield.now(0L);
        holder[0].next();
        return Gen.done();
    }

    @Test
    void aDelegatorCannotBeDrivenFromInsideItsOwnChain() {
        Gen<?>[] holder = new Gen<?>[1];
        Gen<Long> inner = drivesWhileDelegatedTo(holder);
        Gen<Integer> middle = delegatesTo(cast(inner));
        Gen<Integer> outer = delegatesTo(middle);
        holder[0] = middle;
        Object first = ((Gen<?>) outer).next();
        assertEquals(0L, first);
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::next);
        assertTrue(e.getMessage().startsWith("generator already executing"), e.getMessage());
    }

    @Test
    void aDelegateThatRanAheadByItselfHandsThatValueToItsDelegatorFirst() {
        Gen<Long> shared = counter();
        Gen<?> a = delegatesTo(cast(shared));
        assertEquals(0L, a.next());
        assertTrue(shared.hasNext());
        assertEquals(1L, a.next());
        assertEquals(2L, shared.next());
        assertEquals(3L, a.next());
    }

    @Test
    void closingAGeneratorThatNeverStartedOrFinishedIsANoOp() {
        List<String> log = new ArrayList<>();
        Gen<String> g = top(log);
        g.close();
        assertTrue(g.isDone());
        assertTrue(log.isEmpty());
        assertThrows(GeneratorExit.class, () -> {
            throw new GeneratorExit();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> Gen<T> cast(Gen<?> g) {
        return (Gen<T>) g;
    }
}
