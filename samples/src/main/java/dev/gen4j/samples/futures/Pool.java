package dev.gen4j.samples.futures;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Python's {@code ThreadPoolExecutor}: {@code pool.submit(work)} runs {@code work} on one of the
 * pool's threads and returns a future that takes callbacks. A plain {@code ExecutorService}
 * returns a {@code Future} that cannot, hence the {@link CompletableFuture}.
 */
final class Pool implements AutoCloseable {
    private final ExecutorService executor;

    /** @param name names the threads: {@code name-1}, {@code name-2}, ... */
    Pool(int workers, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = work -> {
            Thread t = new Thread(work, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(workers, threads);
    }

    /** Runs {@code work} on the pool; the future fails with what {@code work} throws. */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
