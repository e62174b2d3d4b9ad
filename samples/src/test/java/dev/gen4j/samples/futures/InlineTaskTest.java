package dev.gen4j.samples.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The drivers of inlined futures, and gen4j's Scheduler running the same generators. */
@Timeout(60)
class InlineTaskTest {
    @Generator
    static Gen<Integer> add(Pool pool, int x, int y) {
        int result = Yield.now(pool.submit(() -> x + y));
        return Gen.done(result);
    }

    @Generator
    static Gen<Integer> addAwaiting(Pool pool, int x, int y) {
        int result = Yield.from(Await.await(pool.submit(() -> x + y)));
        return Gen.done(result);
    }

    @Generator
    static Gen<Integer> failing(Pool pool) {
        return Gen.done(Yield.from(Await.await(pool.submit(() -> Math.addExact(Integer.MAX_VALUE, 1)))));
    }

    @Test
    void aTaskIsAFutureOfTheGeneratorsResult() {
        try (Pool pool = new Pool(2, "test-pool")) {
            assertEquals(5, InlineTask.<Integer>run(add(pool, 2, 3)));
            assertEquals(9, InlineTask.<Integer>run(addAwaiting(pool, 4, 5)));
        }
    }

    @Test
    void aFailureTheGeneratorDoesNotCatchFailsTheTask() {
        try (Pool pool = new Pool(2, "test-pool")) {
            CompletionException e = assertThrows(CompletionException.class, () -> InlineTask.run(failing(pool)));
            assertInstanceOf(ArithmeticException.class, e.getCause());
        }
    }

    @Generator
    static Gen<Void> yieldsAString() {
        Yield.now("not a future");
        return Gen.done();
    }

    @Test
    void yieldingSomethingElseThanAFutureFailsTheTask() {
        CompletionException e = assertThrows(CompletionException.class, () -> InlineTask.run(yieldsAString()));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void anInlinedThreadRunsTheGeneratorOnTheCallersThread() throws InterruptedException {
        try (Pool pool = new Pool(2, "test-pool")) {
            assertEquals(9, InlineThread.<Integer>run(addAwaiting(pool, 4, 5)));
            assertThrows(ArithmeticException.class, () -> InlineThread.run(failing(pool)));
        }
    }

    @Generator
    static Gen<Void> recordResult(Pool pool, List<String> log) {
        int result = Yield.now(pool.submit(() -> 2 + 3));
        log.add("Got: " + result + " on " + Thread.currentThread().getName());
        return Gen.done();
    }

    @Test
    void theSchedulerResumesAGeneratorYieldingAFutureOnItsOwnThread() {
        List<String> log = new ArrayList<>();
        try (Pool pool = new Pool(2, "test-pool"); Scheduler scheduler = new Scheduler()) {
            scheduler.spawn(recordResult(pool, log));
            scheduler.run();
        }
        assertEquals(List.of("Got: 5 on " + Thread.currentThread().getName()), log);
    }

    @Test
    void awaitingAFutureThatIsDoneDoesNotYield() {
        Gen<Integer> g = Await.await(CompletableFuture.completedFuture(7));
        assertEquals(false, g.hasNext());
        assertSame(7, g.result());
    }
}
