package dev.gen4j.sched;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for futures that complete on other threads, and hands each outcome to the scheduler's
 * thread through {@code loop}.
 *
 * <p>A {@link CompletionStage} says when it completes, so waiting for one costs nothing. A plain
 * {@link Future} cannot: rather than poll it, one daemon thread blocks in {@link Future#get()}
 * for each plain future that is waited for and not yet done. That thread is the one compromise;
 * it is let go when the future completes, when its task is killed, or when the scheduler closes.
 */
final class FutureWaits implements AutoCloseable {
    /** Where an outcome goes, on the scheduler's thread. */
    interface Outcome {
        void deliver(Task task, Object value, Throwable failure);
    }

    /**
     * One task's wait for one future: its {@link Task#waitingOn}. The future keeps a reference to
     * it (a CompletableFuture cannot forget a callback), so {@link #cancel} drops everything it
     * holds: a killed waiter's frame is not kept alive by a future that never completes.
     */
    final class Wait implements java.util.function.BiConsumer<Object, Throwable>, Runnable {
        private Task task;
        private Object value;
        private Throwable failure;
        private Future<?> getter;

        Wait(Task task) {
            this.task = task;
        }

        /** The stage completed, on whatever thread. */
        @Override
        public void accept(Object value, Throwable failure) {
            this.value = value;
            this.failure = unwrap(failure);
            loop.execute(this);
        }

        /** On the loop: hands the outcome to the task, unless it was killed meanwhile. */
        @Override
        public void run() {
            Task waiter = task;
            if (waiter != null) {
                task = null;
                Object v = value;
                Throwable f = failure;
                value = null;
                failure = null;
                outcome.deliver(waiter, v, f);
            }
        }

        /** The task was killed: forget it, and let the thread blocked for it go. */
        void cancel() {
            task = null;
            value = null;
            failure = null;
            if (getter != null) {
                getter.cancel(true);
                getter = null;
            }
        }

        /** On a getter thread: blocks until {@code future} is done, then hands its outcome over. */
        void blockFor(Future<?> future) {
            if (!awaitDone(future)) {
                return;
            }
            takeOutcome(future);
            loop.execute(this);
        }

        private void takeOutcome(Future<?> done) {
            try {
                value = done.get();
            } catch (ExecutionException e) {
                failure = e.getCause() != null ? e.getCause() : e;
            } catch (CancellationException e) {
                failure = e;
            } catch (InterruptedException e) {
                // A future that is done does not block; keep the flag for whoever looks.
                Thread.currentThread().interrupt();
                failure = e;
            }
        }
    }

    private final Executor loop;
    private final Outcome outcome;
    private ExecutorService blockedGetters;

    /**
     * @param loop runs a callback on the scheduler's thread, from any thread
     * @param outcome what to do with each outcome, on the scheduler's thread
     */
    FutureWaits(Executor loop, Outcome outcome) {
        this.loop = loop;
        this.outcome = outcome;
    }

    /** Makes {@code task} wait for {@code stage}: its value or failure is delivered on the loop. */
    void await(Task task, CompletionStage<?> stage) {
        Wait wait = new Wait(task);
        task.waitingOn = wait;
        stage.whenComplete(wait);
    }

    /** Makes {@code task} wait for {@code future}: its value or failure is delivered on the loop. */
    void await(Task task, Future<?> future) {
        Wait wait = new Wait(task);
        task.waitingOn = wait;
        if (future.isDone()) {
            wait.takeOutcome(future);
            wait.run();
            return;
        }
        wait.getter = getters().submit(() -> wait.blockFor(future));
    }

    /** Blocks until {@code future} is done; false if interrupted (its task was killed, or closing). */
    private static boolean awaitDone(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException | CancellationException failed) {
            // Done all the same: takeOutcome() hands the failure over.
        } catch (InterruptedException released) {
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        if (blockedGetters != null) {
            blockedGetters.shutdownNow();
        }
    }

    /** A stage completed by another stage wraps the failure; the task gets the failure itself. */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private ExecutorService getters() {
        if (blockedGetters == null) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory daemons = r -> {
                Thread t = new Thread(r, "gen4j-future-wait-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            blockedGetters = Executors.newCachedThreadPool(daemons);
        }
        return blockedGetters;
    }
}
