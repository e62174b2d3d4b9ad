package dev.gen4j.samples.futures;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's "iterable futures": {@code yield from future} works once a future is a generator
 * that yields itself and returns its result. Java cannot patch {@code CompletableFuture}, so the
 * generator is this method: {@code int v = Yield.from(await(future));}.
 */
final class Await {
    private Await() {
    }

    /**
     * Yields {@code future} to the driver unless it has already succeeded, then returns its
     * value. A failed future is yielded too, so its exception is thrown in by the driver, as for
     * one that fails later.
     */
    @Generator
    static <T> Gen<T> await(CompletableFuture<T> future) {
        if (!future.isDone() || future.isCompletedExceptionally()) {
            Yield.now(future);
        }
        return Gen.done(future.join());
    }
}
