package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks waiting for futures that other threads complete. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FuturesTest {
    private final List<Object> log = Collections.synchronizedList(new ArrayList<>());

    /** Logs what the future gives: its value, or the exception thrown in. */
    @Generator
    static Gen<Void> awaits(Object future, CountDownLatch waiting, List<Object> log) {
        waiting.countDown();
        try {
            Object value = Yield.now(future);
            log.add(value);
        } catch (Throwable failure) {
            log.add(failure);
        }
        return Gen.done();
    }

    /** Spawns a task waiting for {@code future} and has another thread {@code complete} it. */
    private void awaitCompletedElsewhere(Object future, Runnable complete) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        Thread completer = new Thread(() -> {
            try {
                waiting.await();
                complete.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "completer");
        try (Scheduler s = new Scheduler()) {
            s.spawn(awaits(future, waiting, log));
            s.spawn(SchedulerTest.worker("w", 2, new ArrayList<>()));
            completer.start();
            s.run();
        }
        completer.join();
    }

    @Test
    void completionStageValueFromAnotherThread() throws InterruptedException {
        CompletableFuture<String> f = new CompletableFuture<>();
        awaitCompletedElsewhere(f, () -> f.complete("value"));
        assertEquals(List.of("value"), log);
    }

    @Test
    void completionStageFailureFromAnotherThreadIsThrownIn() throws InterruptedException {
        CompletableFuture<String> f = new CompletableFuture<>();
        IOException failure = new IOException("remote failure");
        awaitCompletedElsewhere(f, () -> f.completeExceptionally(failure));
        assertEquals(List.of(failure), log);
    }

    @Test
    void aDependentStageThrowsInTheCauseNotCompletionException() throws InterruptedException {
        CompletableFuture<String> source = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("in thenApply");
        CompletableFuture<String> dependent = source.thenApply(v -> {
            throw failure;
        });
        awaitCompletedElsewhere(dependent.minimalCompletionStage(), () -> source.complete("x"));
        assertEquals(1, log.size());
        assertSame(failure, log.get(0));
    }

    /** FutureTask is a Future without callbacks: the scheduler cannot be told when it completes. */
    @Test
    void plainFutureValueFromAnotherThread() throws InterruptedException {
        FutureTask<String> f = new FutureTask<>(() -> "computed");
        awaitCompletedElsewhere(f, f);
        assertEquals(List.of("computed"), log);
    }

    @Test
    void plainFutureFailureIsThrownInUnwrapped() throws InterruptedException {
        IOException failure = new IOException("task failed");
        FutureTask<String> f = new FutureTask<>(() -> {
            throw failure;
        });
        awaitCompletedElsewhere(f, f);
        assertEquals(List.of(failure), log);
    }

    @Test
    void cancelledFutureThrowsCancellationException() throws InterruptedException {
        FutureTask<String> f = new FutureTask<>(() -> "never");
        awaitCompletedElsewhere(f, () -> f.cancel(false));
        assertEquals(1, log.size());
        assertEquals(CancellationException.class, log.get(0).getClass());
    }

    @Test
    void futuresAlreadyDoneResumeAtOnce() {
        CountDownLatch unused = new CountDownLatch(2);
        try (Scheduler s = new Scheduler()) {
            s.spawn(awaits(CompletableFuture.completedFuture("stage"), unused, log));
            FutureTask<String> done = new FutureTask<>(() -> "future");
            done.run();
            s.spawn(awaits(done, unused, log));
            s.run();
        }
        assertEquals(List.of("stage", "future"), log);
    }
}
