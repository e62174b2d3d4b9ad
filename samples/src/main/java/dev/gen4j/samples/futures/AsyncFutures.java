package dev.gen4j.samples.futures;

import static dev.gen4j.samples.futures.Await.await;

import dev.gen4j.Async;
import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * The seed's inlined futures ("Generators: The Final Frontier", parts 4 and 5) once more, with
 * gen4j's {@link Async#run} in the place of the hand-written {@code Task} that the
 * {@code futures} command carries ({@link InlineTask}): {@code Task(gen).step()} is
 * {@code Async.run(gen)}, {@code t.result()} is {@code join()}. Same examples, same order, same
 * output as futures.py.
 *
 * <p>One difference shows: {@code Async.run} takes a future's value at a plain
 * {@code Yield.now(future)} whether or not it is already complete, so {@code compute_fibs}
 * needs no "iterable future"; the {@code yield from} a future example keeps {@link Await} to
 * show that it still works. The last example, {@code run_inline_thread}, has no task in the seed
 * either: it blocks on each future in a thread of its own ({@link InlineThread}).
 */
@Command(name = "async", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Inlined futures with Async.run: generators yield futures and resume when they complete.",
            "Seed: futures.py, the same program as the futures command, with Async.run for the Task class."})
public final class AsyncFutures implements Callable<Integer> {
    @Mixin
    FuturesOptions options;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    /** The seed's {@code ProcessPoolExecutor(4)}: Java threads compute in parallel. */
    private Pool fibPool;

    // ---- compute_fibs over a pool ---------------------------------------------------------

    @Generator
    Gen<List<Integer>> computeFibs(int n) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            int val = Yield.now(fibPool.submit(() -> SeedFunctions.fib(k)));
            result.add(val);
        }
        return Gen.done(result);
    }

    @Generator
    Gen<List<Integer>> computeFibsTraced(int n) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.println(Thread.currentThread());
            int k = i;
            int val = Yield.now(fibPool.submit(() -> SeedFunctions.fib(k)));
            result.add(val);
        }
        return Gen.done(result);
    }

    // ---- The program ----------------------------------------------------------------------

    @Override
    public Integer call() throws Exception {
        options.check(spec);
        out = spec.commandLine().getOut();
        Duration delay = Duration.ofMillis(options.delayMs);
        try (Pool threads = new Pool(8, "pool"); Pool fibThreads = new Pool(4, "fib-pool");
                Pool tpool = new Pool(8, "tpool")) {
            SeedFunctions seed = new SeedFunctions(out, threads, options.delayMs);
            fibPool = fibThreads;

            heading("Inlined future");
            Async.run(seed.doFunc(2, 3)).join();

            heading("Multiple yields");
            Async.run(seed.doMany(5)).join();

            heading("Error");
            Async.run(seed.doFuncCatching(2, Integer.MAX_VALUE)).join();

            heading("after(): iterating gen by hand");
            Async.run(seed.afterIterating(delay, seed.doFuncCatching(2, 3))).join();
            heading("after(): sending into gen by hand");
            Async.run(seed.afterSending(delay, seed.doFuncCatching(2, 3))).join();
            heading("after(): yield from gen");
            Async.run(seed.afterYieldFrom(delay, seed.doFuncCatching(2, 3))).join();
            heading("after(): yield from a future");
            Async.run(seed.afterAwaiting(delay, seed.doFuncCatching(2, 3))).join();

            heading("Tasks as futures");
            CompletableFuture<Integer> t = Async.run(seed.doFuncReturning(2, 3));
            out.println("Got: " + t.join());
            int result = Async.<Integer>run(seed.doFuncReturning(2, 3)).join();
            out.println("Got: " + result);
            CompletableFuture<Integer> t1 = Async.run(seed.doFuncReturning(2, 3));
            CompletableFuture<Integer> t2 = Async.run(seed.doFuncReturning(4, 5));
            out.println("Got: " + t1.join() + " " + t2.join());

            heading("compute_fibs() over a process pool");
            out.println(Async.<List<Integer>>run(computeFibs(options.fibs)).join());
            long start = System.nanoTime();
            Async.run(computeFibs(options.fibs)).join();
            Async.run(computeFibs(options.fibs)).join();
            out.println("Sequential: " + secondsSince(start));
            start = System.nanoTime();
            CompletableFuture<List<Integer>> f1 = Async.run(computeFibs(options.fibs));
            CompletableFuture<List<Integer>> f2 = Async.run(computeFibs(options.fibs));
            CompletableFuture.allOf(f1, f2).join();
            out.println("Parallel: " + secondsSince(start));

            heading("Execution model");
            f1 = Async.run(computeFibsTraced(options.trace));
            f2 = Async.run(computeFibsTraced(options.trace));
            CompletableFuture.allOf(f1, f2).join();

            heading("Inlined thread execution");
            CompletableFuture<List<Integer>> r1 = tpool.submit(() -> InlineThread.run(computeFibsTraced(options.trace)));
            CompletableFuture<List<Integer>> r2 = tpool.submit(() -> InlineThread.run(computeFibsTraced(options.trace)));
            out.println("Got: " + r1.join() + " " + r2.join());
        }
        out.flush();
        return 0;
    }

    private void heading(String title) {
        out.println("== " + title);
    }

    private static String secondsSince(long start) {
        return String.format(Locale.ROOT, "%.2fs", (System.nanoTime() - start) / 1e9);
    }
}
