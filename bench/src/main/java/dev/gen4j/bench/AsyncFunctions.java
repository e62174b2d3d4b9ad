package dev.gen4j.bench;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;

/**
 * Summing the values of a sequence of stages, three ways: an async function for
 * {@code Async.run}, a hand-written {@code thenCompose} chain, and plain blocking code for a
 * virtual thread. Each awaits the same stages in the same order.
 */
final class AsyncFunctions {
    private AsyncFunctions() {
    }

    /** Where the stages come from: a fixed array (already complete), or new ones handed over. */
    interface Stages {
        CompletableFuture<Integer> get(int i);
    }

    @Generator
    static Gen<Object> sum(Stages stages, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int v = Yield.now(stages.get(i));
            sum += v;
        }
        return Gen.done(sum);
    }

    /** The same loop written by hand: each step composes the next when its stage completes. */
    static CompletionStage<Integer> sumComposed(Stages stages, int n, int i, int sum) {
        if (i == n) {
            return CompletableFuture.completedFuture(sum);
        }
        return stages.get(i).thenCompose(v -> sumComposed(stages, n, i + 1, sum + v));
    }

    /** The same loop for a thread: it blocks in join() on each stage. */
    static int sumJoining(Stages stages, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += stages.get(i).join();
        }
        return sum;
    }

    /**
     * Stages not yet complete: each get(i) makes a new one and hands it to the completer, which
     * completes it with i. The awaiting side asks for the next only once the last one completed.
     */
    static final class HandedOver implements Stages {
        /** For a completer on the awaiting thread itself: the stage to complete next. */
        CompletableFuture<Integer> next;
        /** For a completer on another thread; null when it runs on the awaiting thread. */
        private final SynchronousQueue<CompletableFuture<Integer>> toCompleter;

        HandedOver(boolean otherThread) {
            toCompleter = otherThread ? new SynchronousQueue<>() : null;
        }

        @Override
        public CompletableFuture<Integer> get(int i) {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            if (toCompleter == null) {
                next = f;
            } else {
                try {
                    toCompleter.put(f);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return f;
        }

        /** The completer on another thread: completes the n stages as they are handed over. */
        void completeAll(int n) throws InterruptedException {
            for (int i = 0; i < n; i++) {
                toCompleter.take().complete(i);
            }
        }
    }
}
