package dev.gen4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Async.run: generators that yield futures, resumed by their completion, with no scheduler. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void joinThreads() throws InterruptedException {
        for (Thread t : started) {
            t.join();
        }
    }

    /** Runs {@code body} on a new thread named {@code name}, joined after the test. */
    private Thread onThread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        started.add(t);
        t.start();
        return t;
    }

    private static String thread() {
        return Thread.currentThread().getName();
    }

    // ---- Values and results -------------------------------------------------------------

    @Generator
    static Gen<Object> addBoth(CompletableFuture<Integer> a, CompletableFuture<Integer> b, List<String> log) {
        log.add("started on " + thread());
        int x = Yield.now(a);
        log.add("got " + x + " on " + thread());
        int y = Yield.now(b);
        log.add("got " + y + " on " + thread());
        return Gen.done(x + y);
    }

    @Test
    void runsToTheFirstYieldOnTheCallingThreadAndReturnsWithoutWaiting() {
        CompletableFuture<Integer> a = new CompletableFuture<>();
        CompletableFuture<Integer> sum = Async.run(addBoth(a, new CompletableFuture<>(), log));
        assertEquals(List.of("started on " + thread()), log);
        assertFalse(sum.isDone());
    }

    @Test
    void eachFutureResumesTheGeneratorOnTheThreadThatCompletesIt() throws Exception {
        CompletableFuture<Integer> a = new CompletableFuture<>();
        CompletableFuture<Integer> b = new CompletableFuture<>();
        CompletableFuture<Integer> sum = Async.run(addBoth(a, b, log));
        onThread("completes-a", () -> a.complete(2)).join();
        onThread("completes-b", () -> b.complete(3)).join();
        assertEquals(5, sum.get());
        assertEquals(List.of("started on " + thread(), "got 2 on completes-a", "got 3 on completes-b"), log);
    }

    @Test
    void futuresAlreadyCompleteResumeAtOnceAndTheResultIsThereOnReturn() {
        CompletableFuture<Integer> sum = Async.run(addBoth(CompletableFuture.completedFuture(4),
                CompletableFuture.completedFuture(5), log));
        assertTrue(sum.isDone());
        assertEquals(9, sum.join());
    }

    @Generator
    static Gen<Object> countCompleted(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int v = Yield.now(CompletableFuture.completedFuture(i));
            sum += v;
        }
        return Gen.done(sum);
    }

    /** Stages already complete that are not plain CompletableFutures: they answer by callback only. */
    @Generator
    static Gen<Object> countCompletedStages(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int v = Yield.now(CompletableFuture.completedStage(i));
            sum += v;
        }
        return Gen.done(sum);
    }

    @Test
    void aMillionFuturesAlreadyCompleteInARowTakeNoStack() {
        int n = 1_000_000;
        assertEquals((long) n * (n - 1) / 2, Async.<Long>run(countCompleted(n)).join());
    }

    @Test
    void aMillionStagesCompleteBeforeTheirCallbackIsRegisteredTakeNoStack() {
        int n = 1_000_000;
        assertEquals((long) n * (n - 1) / 2, Async.<Long>run(countCompletedStages(n)).join());
    }

    @Test
    void aMillionStagesAlreadyCompleteTakeNoStackOnTheExecutorEither() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int n = 1_000_000;
            assertEquals((long) n * (n - 1) / 2, Async.<Long>run(countCompleted(n), pool).join());
            assertEquals((long) n * (n - 1) / 2, Async.<Long>run(countCompletedStages(n), pool).join());
        } finally {
            pool.shutdown();
        }
    }

    @Generator
    static Gen<Object> sumOf(List<CompletableFuture<Integer>> futures) {
        int sum = 0;
        for (CompletableFuture<Integer> f : futures) {
            int v = Yield.now(f);
            sum += v;
        }
        return Gen.done(sum);
    }

    @Test
    void thousandsOfAsyncFunctionsAtOnceCompletedByAFewThreads() throws InterruptedException {
        int functions = 5000;
        int awaits = 4;
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            List<CompletableFuture<Integer>> mine = new ArrayList<>();
            for (int j = 0; j < awaits; j++) {
                mine.add(new CompletableFuture<>());
            }
            all.addAll(mine);
            results.add(Async.run(sumOf(mine)));
        }
        // Every function is waiting, and no thread waits for them.
        assertTrue(results.stream().noneMatch(CompletableFuture::isDone));
        ExecutorService completers = Executors.newFixedThreadPool(4);
        for (int k = 0; k < all.size(); k++) {
            int value = k;
            completers.execute(() -> all.get(value).complete(value));
        }
        completers.shutdown();
        assertTrue(completers.awaitTermination(30, TimeUnit.SECONDS));
        for (int i = 0; i < functions; i++) {
            int base = i * awaits;
            assertEquals(4 * base + 6, results.get(i).join(), "function " + i);
        }
    }

    // ---- Exceptions ----------------------------------------------------------------------

    @Generator
    static Gen<Object> catching(Object future, List<String> log) {
        try {
            Object v = Yield.now(future);
            log.add("got " + v);
        } catch (Exception e) {     // Yield.now declares no exception: javac refuses catch (IOException e)
            log.add("caught " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return Gen.done("finished");
    }

    @Test
    void aCheckedFailureOfTheFutureIsThrownInAtTheYield() {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> r = Async.run(catching(f, log));
        onThread("fails", () -> f.completeExceptionally(new IOException("disk gone")));
        assertEquals("finished", r.join());
        assertEquals(List.of("caught IOException disk gone"), log);
    }

    @Test
    void aFailureOfADependentStageIsThrownInWithoutItsCompletionException() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> dependent = source.thenApply(s -> {
            throw new IllegalStateException("in thenApply of " + s);
        });
        CompletableFuture<String> r = Async.run(catching(dependent, log));
        onThread("completes", () -> source.complete("x"));
        assertEquals("finished", r.join());
        assertEquals(List.of("caught IllegalStateException in thenApply of x"), log);
    }

    @Generator
    static Gen<Object> notCatching(Object future, List<String> log) {
        try {
            Yield.now(future);
            return Gen.done("not reached");
        } finally {
            log.add("finally");
        }
    }

    @Test
    void aFailureTheGeneratorDoesNotCatchFailsTheReturnedFutureWithTheSameException() {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> r = Async.run(notCatching(f, log));
        ArithmeticException failure = new ArithmeticException("overflow");
        onThread("fails", () -> f.completeExceptionally(failure));
        ExecutionException e = assertThrows(ExecutionException.class, r::get);
        assertSame(failure, e.getCause());
        assertEquals(List.of("finally"), log);
    }

    @Generator
    static Gen<Object> throwsAfterAwaiting(CompletableFuture<String> f, Exception failure) throws Exception {
        Yield.now(f);
        throw failure;
    }

    @Test
    void anExceptionThrownByTheBodyFailsTheReturnedFutureUnchanged() throws Exception {
        IOException checked = new IOException("from the body");
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<Object> r = Async.run(throwsAfterAwaiting(f, checked));
        onThread("completes", () -> f.complete("x"));
        CompletionException e = assertThrows(CompletionException.class, r::join);
        assertSame(checked, e.getCause());

        UnsupportedOperationException unchecked = new UnsupportedOperationException("unchecked from the body");
        CompletableFuture<Object> atOnce = Async.run(throwsAfterAwaiting(CompletableFuture.completedFuture("y"), unchecked));
        assertTrue(atOnce.isCompletedExceptionally());
        assertSame(unchecked, assertThrows(CompletionException.class, atOnce::join).getCause());
    }

    @Test
    void aCancelledFutureThrowsCancellationExceptionIn() {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> r = Async.run(catching(f, log));
        onThread("cancels", () -> f.cancel(false));
        assertEquals("finished", r.join());
        assertEquals(List.of("caught CancellationException null"), log);
    }

    // ---- What may be yielded -------------------------------------------------------------

    @Generator
    static Gen<Object> yieldsThenRecovers(Object notAFuture, List<String> log) {
        try {
            Yield.now(notAFuture);
            log.add("not reached");
        } catch (IllegalArgumentException e) {
            log.add(e.getMessage());
        }
        int v = Yield.now(CompletableFuture.completedFuture(1));
        return Gen.done(v + 1);
    }

    @Test
    void yieldingSomethingElseThrowsIllegalArgumentExceptionInAtThatYieldNamingIt() {
        assertEquals(2, Async.run(yieldsThenRecovers("a string", log)).join());
        assertEquals(1, log.size());
        String message = log.get(0);
        assertTrue(message.contains("yieldsThenRecovers yielded a java.lang.String (a string), not a future"), message);
        assertTrue(message.contains("Yield.now(future)"), message);
    }

    @Test
    void yieldingNullOrAGeneratorSaysWhatToDoInstead() {
        Async.run(yieldsThenRecovers(null, log)).join();
        Async.run(yieldsThenRecovers(countCompleted(3), log)).join();
        assertTrue(log.get(0).contains("yielded null"), log.get(0));
        assertTrue(log.get(1).contains("yielded the generator") && log.get(1).contains("countCompleted")
                && log.get(1).contains("use Yield.from(gen) instead of Yield.now(gen)"), log.get(1));
    }

    @Test
    void yieldingSomethingElseUncaughtFailsTheReturnedFuture() {
        CompletableFuture<Object> r = Async.run(notCatching(42, log));
        Throwable cause = assertThrows(CompletionException.class, r::join).getCause();
        assertInstanceOf(IllegalArgumentException.class, cause);
        assertTrue(cause.getMessage().contains("yielded a java.lang.Integer (42)"), cause.getMessage());
        assertEquals(List.of("finally"), log);
    }

    @Test
    void aStageThatRefusesTheCallbackHasItsExceptionThrownIn() {
        CompletableFuture<String> refusing = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(java.util.function.BiConsumer<? super String, ? super Throwable> action) {
                throw new UnsupportedOperationException("no callbacks here");
            }
        };
        assertEquals("finished", Async.run(catching(refusing, log)).join());
        assertEquals(List.of("caught UnsupportedOperationException no callbacks here"), log);
    }

    /** FutureTask is a Future without callbacks: a waiter thread blocks in get() for it. */
    @Test
    void aPlainFutureCompletedOnAnotherThreadResumesTheGenerator() {
        FutureTask<String> task = new FutureTask<>(() -> "computed");
        CompletableFuture<String> r = Async.run(catching(task, log));
        assertFalse(r.isDone());
        onThread("runs-task", task);
        assertEquals("finished", r.join());
        assertEquals(List.of("got computed"), log);
    }

    @Test
    void aPlainFuturesFailureIsThrownInWithoutItsExecutionException() {
        FutureTask<String> task = new FutureTask<>(() -> {
            throw new IOException("task failed");
        });
        CompletableFuture<String> r = Async.run(catching(task, log));
        onThread("runs-task", task);
        assertEquals("finished", r.join());
        assertEquals(List.of("caught IOException task failed"), log);
    }

    @Test
    void aPlainFutureAlreadyDoneResumesAtOnce() {
        FutureTask<String> task = new FutureTask<>(() -> "done before");
        task.run();
        CompletableFuture<String> r = Async.run(catching(task, log));
        assertTrue(r.isDone());
        assertEquals(List.of("got done before"), log);
    }

    // ---- Yield.from helpers ------------------------------------------------------------

    @Generator
    static Gen<Object> fetch(CompletableFuture<String> f, String label) {
        String v = Yield.now(f);
        return Gen.done(label + "=" + v);
    }

    @Generator
    static Gen<Object> fetchBoth(CompletableFuture<String> a, CompletableFuture<String> b) {
        String x = Yield.from(fetch(a, "a"));
        String y = Yield.from(fetch(b, "b"));
        return Gen.done(x + ", " + y);
    }

    @Generator
    static Gen<Object> recoversFromHelper(CompletableFuture<String> a, List<String> log) {
        try {
            Yield.from(fetch(a, "a"));
        } catch (Exception e) {
            log.add("helper failed: " + e);
        }
        return Gen.done("recovered");
    }

    @Test
    void helperGeneratorsAwaitThroughYieldFromAndReturnTheirResults() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<String> r = Async.run(fetchBoth(a, b));
        onThread("completes", () -> {
            a.complete("1");
            b.complete("2");
        });
        assertEquals("a=1, b=2", r.join());
    }

    @Test
    void aHelpersFailureReachesTheAsyncFunctionAtItsYieldFrom() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> r = Async.run(recoversFromHelper(a, log));
        onThread("fails", () -> a.completeExceptionally(new IOException("no route")));
        assertEquals("recovered", r.join());
        assertEquals(List.of("helper failed: java.io.IOException: no route"), log);
    }

    // ---- The executor --------------------------------------------------------------------

    private static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(r -> new Thread(r, name));
    }

    @Test
    void withAnExecutorEveryStepAfterTheFirstRunsOnIt() {
        ExecutorService resumeOn = named("resume-on");
        try {
            CompletableFuture<Integer> a = new CompletableFuture<>();
            CompletableFuture<Integer> b = new CompletableFuture<>();
            CompletableFuture<Integer> sum = Async.run(addBoth(a, b, log), resumeOn);
            onThread("completes-a", () -> a.complete(2));
            onThread("completes-b", () -> b.complete(3));
            assertEquals(5, sum.join());
            assertEquals(List.of("started on " + thread(), "got 2 on resume-on", "got 3 on resume-on"), log);
        } finally {
            resumeOn.shutdown();
        }
    }

    @Test
    void withAnExecutorEvenAFutureAlreadyCompleteAtTheFirstYieldResumesOnIt() {
        ExecutorService resumeOn = named("resume-on");
        try {
            CompletableFuture<Integer> sum = Async.run(addBoth(CompletableFuture.completedFuture(1),
                    CompletableFuture.completedFuture(2), log), resumeOn);
            assertEquals(3, sum.join());
            assertEquals(List.of("started on " + thread(), "got 1 on resume-on", "got 2 on resume-on"), log);
        } finally {
            resumeOn.shutdown();
        }
    }

    @Test
    void anExecutorThatRejectsClosesTheGeneratorAndFailsTheFuture() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        CompletableFuture<Object> r = Async.run(notCatching(CompletableFuture.completedFuture("x"), log), stopped);
        assertInstanceOf(RejectedExecutionException.class, assertThrows(CompletionException.class, r::join).getCause());
        assertEquals(List.of("finally"), log);
    }

    // ---- Cancellation --------------------------------------------------------------------

    @Generator
    static Gen<Object> waitsTwice(CompletableFuture<?> first, CompletableFuture<?> second,
                                  CountDownLatch running, CountDownLatch cancelled, List<String> log)
            throws InterruptedException {
        try {
            Yield.now(first);
            running.countDown();
            cancelled.await();
            log.add("step after the first yield ran on " + thread());
            Yield.now(second);
            log.add("resumed after the second yield");
        } catch (GeneratorExit e) {
            log.add("GeneratorExit on " + thread());
            throw e;
        } finally {
            log.add("finally");
        }
        return Gen.done("not cancelled");
    }

    @Test
    void cancellingWhileTheGeneratorWaitsClosesItAtOnceOnTheCancellingThread() throws InterruptedException {
        CompletableFuture<String> first = new CompletableFuture<>();
        CountDownLatch unused = new CountDownLatch(0);
        CompletableFuture<Object> r = Async.run(waitsTwice(first, new CompletableFuture<>(), unused, unused, log));
        assertTrue(r.cancel(true));
        assertEquals(List.of("GeneratorExit on " + thread(), "finally"), log);
        first.complete("too late");     // resumes nothing
        assertEquals(2, log.size());
        assertThrows(CancellationException.class, r::join);
    }

    @Test
    void completingTheReturnedFutureFromOutsideClosesTheGeneratorToo() throws InterruptedException {
        CountDownLatch unused = new CountDownLatch(0);
        CompletableFuture<Object> r = Async.run(waitsTwice(new CompletableFuture<>(), new CompletableFuture<>(),
                unused, unused, log));
        r.complete("from outside");
        assertEquals(List.of("GeneratorExit on " + thread(), "finally"), log);
        assertEquals("from outside", r.join());
    }

    /** The generator is never closed while it runs: the close waits for its next yield. */
    @Test
    void cancellingWhileTheGeneratorRunsOnAnotherThreadClosesItAtItsNextYield() throws InterruptedException {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Object> r = Async.run(waitsTwice(first, second, running, cancelled, log));
        Thread completer = onThread("completer", () -> first.complete("go"));
        running.await();
        assertTrue(r.cancel(true));
        assertEquals(List.of(), log);         // still running its step: not closed under its feet
        cancelled.countDown();
        completer.join();
        assertEquals(List.of("step after the first yield ran on completer", "GeneratorExit on completer", "finally"),
                log);
        second.complete("too late");
        assertEquals(3, log.size());
    }

    @Test
    void withAnExecutorCancellingClosesTheGeneratorOnTheExecutor() throws InterruptedException {
        ExecutorService resumeOn = named("resume-on");
        try {
            CompletableFuture<String> first = new CompletableFuture<>();
            CountDownLatch unused = new CountDownLatch(0);
            CompletableFuture<Object> r = Async.run(waitsTwice(first, new CompletableFuture<>(), unused, unused, log),
                    resumeOn);
            assertTrue(r.cancel(true));
            resumeOn.shutdown();
            assertTrue(resumeOn.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(List.of("GeneratorExit on resume-on", "finally"), log);
        } finally {
            resumeOn.shutdownNow();
        }
    }

    /** Counts the steps that found another step of the same generator running. */
    @Generator
    static Gen<Object> guardedSum(List<CompletableFuture<Integer>> futures, AtomicBoolean running,
                                  AtomicInteger overlaps, AtomicInteger finallies) {
        try {
            int sum = 0;
            for (CompletableFuture<Integer> f : futures) {
                int v = Yield.now(f);
                if (!running.compareAndSet(false, true)) {
                    overlaps.incrementAndGet();
                }
                sum += v;
                running.set(false);
            }
            return Gen.done(sum);
        } finally {
            finallies.incrementAndGet();
        }
    }

    @Test
    void cancellationsRacingWithCompletionsCloseEachGeneratorOnceAndNeverWhileItRuns() throws InterruptedException {
        int functions = 2000;
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            List<CompletableFuture<Integer>> mine = List.of(new CompletableFuture<>(), new CompletableFuture<>(),
                    new CompletableFuture<>());
            futures.addAll(mine);
            results.add(Async.run(guardedSum(mine, new AtomicBoolean(), overlaps, finallies)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());
        Runnable completing = () -> {
            awaitQuietly(go);
            for (int k = 0; k < futures.size(); k++) {
                futures.get(k).complete(k);
            }
        };
        Runnable cancelling = () -> {
            awaitQuietly(go);
            for (CompletableFuture<Integer> r : results) {
                r.cancel(true);
            }
        };
        Thread.UncaughtExceptionHandler record = (t, e) -> escaped.add(e);
        Thread completer = new Thread(completing, "completer");
        Thread canceller = new Thread(cancelling, "canceller");
        completer.setUncaughtExceptionHandler(record);
        canceller.setUncaughtExceptionHandler(record);
        completer.start();
        canceller.start();
        go.countDown();
        completer.join();
        canceller.join();
        assertEquals(List.of(), escaped);
        assertEquals(0, overlaps.get());
        assertEquals(functions, finallies.get());
        for (int i = 0; i < functions; i++) {
            CompletableFuture<Integer> r = results.get(i);
            assertTrue(r.isCancelled() || r.join() == 9 * i + 3, "function " + i);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Future that never completes, and reports the interrupt of a thread blocked in get(). */
    private static final class NeverDone implements Future<String> {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public String get() throws InterruptedException {
            blocked.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new AssertionError("unreachable");
        }

        @Override
        public String get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("Async.run waits with get()");
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }
    }

    @Test
    void cancellingWhileWaitingForAPlainFutureReleasesTheThreadBlockedInGet() throws InterruptedException {
        NeverDone never = new NeverDone();
        CompletableFuture<Object> r = Async.run(notCatching(never, log));
        never.blocked.await();
        assertTrue(r.cancel(true));
        assertEquals(List.of("finally"), log);
        never.interrupted.await();      // the waiter thread is not left blocked for nothing
    }
}
