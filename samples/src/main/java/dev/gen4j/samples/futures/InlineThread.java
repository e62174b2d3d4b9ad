package dev.gen4j.samples.futures;

import dev.gen4j.Gen;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The seed's {@code run_inline_thread}: runs an inlined future entirely in the calling thread,
 * blocking on each future it yields instead of registering a callback.
 */
final class InlineThread {
    private InlineThread() {
    }

    static <R> R run(Gen<?> gen) throws InterruptedException {
        Object value = null;
        Throwable exc = null;
        while (true) {
            Object fut = exc != null ? gen.raise(exc) : gen.send(value);
            if (gen.isDone()) {
                return gen.result();
            }
            try {
                value = ((Future<?>) fut).get();
                exc = null;
            } catch (ExecutionException e) {
                value = null;
                exc = e.getCause();
            }
        }
    }
}
