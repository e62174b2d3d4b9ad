package dev.gen4j.samples.futures;

import static dev.gen4j.samples.futures.Await.await;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's generator functions of futures.py, shared by the {@code futures} command (driven by
 * the hand-written {@link InlineTask}) and the {@code async} command (driven by
 * {@code Async.run}): the same generators, two ways of running them.
 */
final class SeedFunctions {
    private final PrintWriter out;
    /** The seed's {@code ThreadPoolExecutor(max_workers=8)}, for func(). */
    private final Pool pool;
    private final long delayMs;

    SeedFunctions(PrintWriter out, Pool pool, long delayMs) {
        this.out = out;
        this.pool = pool;
        this.delayMs = delayMs;
    }

    /** Some function. Nothing too interesting. */
    int func(int x, int y) throws InterruptedException {
        Thread.sleep(delayMs);
        // Python's 2 + 'Hello' fails when it runs; Java's types refuse it at compile time, so
        // the failing call here is one that overflows.
        return Math.addExact(x, y);
    }

    /** The seed's {@code pool.submit(time.sleep, delay)}. */
    CompletableFuture<Void> sleep(Duration delay) {
        return pool.submit(() -> {
            Thread.sleep(delay.toMillis());
            return null;
        });
    }

    // ---- Inlined futures ------------------------------------------------------------------

    @Generator
    Gen<Void> doFunc(int x, int y) {
        int result = Yield.now(pool.submit(() -> func(x, y)));
        out.println("Got: " + result);
        return Gen.done();
    }

    @Generator
    Gen<Void> doMany(int n) {
        while (n > 0) {
            int k = n;           // A lambda takes only (effectively) final locals
            int result = Yield.now(pool.submit(() -> func(k, k)));
            out.println("Got: " + result);
            n -= 1;
        }
        return Gen.done();
    }

    @Generator
    Gen<Void> doFuncCatching(int x, int y) {
        try {
            Integer result = Yield.now(pool.submit(() -> func(x, y)));
            out.println("Got: " + result);
        } catch (Exception e) {
            out.println("Failed: " + e);
        }
        return Gen.done();
    }

    @Generator
    Gen<Integer> doFuncReturning(int x, int y) {
        int result = Yield.now(pool.submit(() -> func(x, y)));
        return Gen.done(result);
    }

    // ---- after(delay, gen): four attempts -------------------------------------------------

    /**
     * Iterates {@code gen} by hand: its futures get through, their results do not ({@code gen}
     * receives null, which is why doFuncCatching takes an {@code Integer}, not an {@code int}).
     */
    @Generator
    Gen<Object> afterIterating(Duration delay, Gen<?> gen) {
        Yield.now(sleep(delay));
        for (Object f : gen) {
            Yield.now(f);
        }
        return Gen.done();
    }

    /** Sends each result into {@code gen} by hand. */
    @Generator
    Gen<Object> afterSending(Duration delay, Gen<?> gen) {
        Yield.now(sleep(delay));
        Object result = null;
        while (true) {
            Object f = gen.send(result);
            if (gen.isDone()) {
                break;
            }
            result = Yield.now(f);
        }
        return Gen.done();
    }

    /** Delegates to {@code gen}: {@code yield from gen}. */
    @Generator
    Gen<Object> afterYieldFrom(Duration delay, Gen<?> gen) {
        Yield.now(sleep(delay));
        Yield.from(gen);
        return Gen.done();
    }

    /** Delegates to the future too, as to a generator. */
    @Generator
    Gen<Object> afterAwaiting(Duration delay, Gen<?> gen) {
        Yield.from(await(sleep(delay)));
        Yield.from(gen);
        return Gen.done();
    }

    static int fib(int n) {
        return n <= 2 ? 1 : fib(n - 1) + fib(n - 2);
    }
}
