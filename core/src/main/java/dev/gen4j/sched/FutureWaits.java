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
import java.util.function.BiConsumer;

/**
 * Waits for futures that complete on other threads, and hands each outcome to the scheduler's
 * thread through {@code loop}.
 *
 * <p>A {@link CompletionStage} says when it completes, so waiting for one costs nothing. A plain
 * {@link Future} cannot: rather than poll it, one daemon thread blocks in {@link Future#get()}
 * for each plain future that is waited for and not yet done. That thread is the one compromise;
 * it ends when the future completes or the scheduler closes.
 */
final class FutureWaits implements AutoCloseable {
    private final Executor loop;
    private ExecutorService blockedGetters;

    /** @param loop runs a callback on the scheduler's thread, from any thread */
    FutureWaits(Executor loop) {
        this.loop = loop;
    }

    /** Calls {@code then} with the value or the failure, on the scheduler's thread. */
    void await(CompletionStage<?> stage, BiConsumer<Object, Throwable> then) {
        stage.whenComplete((value, failure) -> loop.execute(() -> then.accept(value, unwrap(failure))));
    }

    /** Calls {@code then} with the value or the failure, on the scheduler's thread. */
    void await(Future<?> future, BiConsumer<Object, Throwable> then) {
        if (future.isDone()) {
            deliver(future, then);
            return;
        }
        getters().execute(() -> {
            if (awaitDone(future)) {
                loop.execute(() -> deliver(future, then));
            }
        });
    }

    /** Blocks until {@code future} is done; false if interrupted because the scheduler closes. */
    private static boolean awaitDone(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException | CancellationException failed) {
            // Done all the same: deliver() hands the failure over.
        } catch (InterruptedException closing) {
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

    /** Hands the outcome of a future that is done to {@code then}. */
    private static void deliver(Future<?> done, BiConsumer<Object, Throwable> then) {
        Object value;
        try {
            value = done.get();
        } catch (ExecutionException e) {
            then.accept(null, e.getCause() != null ? e.getCause() : e);
            return;
        } catch (CancellationException e) {
            then.accept(null, e);
            return;
        } catch (InterruptedException e) {
            // A future that is done does not block; keep the flag for whoever looks.
            Thread.currentThread().interrupt();
            then.accept(null, e);
            return;
        }
        then.accept(value, null);
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
