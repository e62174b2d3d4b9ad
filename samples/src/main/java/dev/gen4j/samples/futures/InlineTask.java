package dev.gen4j.samples.futures;

import dev.gen4j.Gen;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The seed's {@code Task}: runs an inlined future, a generator that yields futures. Each time a
 * future it yielded completes, the future's callback sends the value in, or throws the failure
 * in, and the generator runs on to its next future. The task is a future too, completed with the
 * generator's result ({@code Gen.done(value)}), or with the exception it ended with.
 *
 * <p>The generator runs on whatever thread completes the future it waits for: the first step on
 * the caller's thread, the others on the pool's.
 */
final class InlineTask<T> extends CompletableFuture<T> {
    private final Gen<?> gen;

    InlineTask(Gen<?> gen) {
        this.gen = gen;
    }

    /** The seed's {@code start_inline_future}: starts {@code gen} and returns its task. */
    static <T> InlineTask<T> start(Gen<?> gen) {
        InlineTask<T> t = new InlineTask<>(gen);
        t.step();
        return t;
    }

    /** The seed's {@code run_inline_future}: runs {@code gen} to its end and returns its result. */
    static <T> T run(Gen<?> gen) {
        return InlineTask.<T>start(gen).join();
    }

    /** Runs the generator to its first future: the task's first step must be taken by hand. */
    void step() {
        step(null, null);
    }

    private void step(Object value, Throwable exc) {
        Object fut;
        try {
            fut = exc != null ? gen.raise(exc) : gen.send(value);
        } catch (Throwable failure) {
            completeExceptionally(failure);
            return;
        }
        if (gen.isDone()) {
            complete(gen.result());
        } else if (fut instanceof CompletionStage<?> stage) {
            stage.whenComplete(this::wakeup);
        } else {
            gen.close();
            completeExceptionally(new IllegalStateException("an inlined future yields futures, not " + fut));
        }
    }

    private void wakeup(Object result, Throwable failure) {
        if (failure == null) {
            step(result, null);
        } else {
            step(null, failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure);
        }
    }
}
