package dev.gen4j.samples.futures;

import static dev.gen4j.samples.futures.Await.await;

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
 * "Generators: The Final Frontier", parts 4 and 5: inlined futures. A generator yields the
 * futures it waits for, and an {@link InlineTask} sends each one's value back in when it
 * completes, so asynchronous code reads as sequential code. The examples run one after the
 * other, as in the seed's futures.py, each under a heading.
 */
@Command(name = "futures", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Inlined futures: generators yield futures, and a task sends their results back in.",
            "Seed: futures.py, put together from the slides. Ends with compute_fibs over a pool, one after",
            "the other and in parallel, and the threads that each step runs on."})
public final class Futures implements Callable<Integer> {
    @Mixin
    FuturesOptions options;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    /** The seed's {@code ProcessPoolExecutor(4)}: Java threads compute in parallel, no GIL. */
    private Pool fibPool;

    // ---- compute_fibs over a pool ---------------------------------------------------------

    @Generator
    Gen<List<Integer>> computeFibs(int n) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            int val = Yield.from(await(fibPool.submit(() -> SeedFunctions.fib(k))));
            result.add(val);
        }
        return Gen.done(result);
    }

    /** compute_fibs printing the thread that runs each step. */
    @Generator
    Gen<List<Integer>> computeFibsTraced(int n) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.println(Thread.currentThread());
            int k = i;
            int val = Yield.from(await(fibPool.submit(() -> SeedFunctions.fib(k))));
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
            InlineTask<Void> t = new InlineTask<>(seed.doFunc(2, 3));
            t.step();
            t.join();

            heading("Multiple yields");
            InlineTask.run(seed.doMany(5));

            heading("Error");
            InlineTask.run(seed.doFuncCatching(2, Integer.MAX_VALUE));

            heading("after(): iterating gen by hand");
            InlineTask.run(seed.afterIterating(delay, seed.doFuncCatching(2, 3)));
            heading("after(): sending into gen by hand");
            InlineTask.run(seed.afterSending(delay, seed.doFuncCatching(2, 3)));
            heading("after(): yield from gen");
            InlineTask.run(seed.afterYieldFrom(delay, seed.doFuncCatching(2, 3)));
            heading("after(): yield from a future");
            InlineTask.run(seed.afterAwaiting(delay, seed.doFuncCatching(2, 3)));

            heading("Tasks as futures");
            InlineTask<Integer> task = new InlineTask<>(seed.doFuncReturning(2, 3));
            task.step();
            out.println("Got: " + task.join());
            int result = InlineTask.run(seed.doFuncReturning(2, 3));
            out.println("Got: " + result);
            InlineTask<Integer> t1 = InlineTask.start(seed.doFuncReturning(2, 3));
            InlineTask<Integer> t2 = InlineTask.start(seed.doFuncReturning(4, 5));
            out.println("Got: " + t1.join() + " " + t2.join());

            heading("compute_fibs() over a process pool");
            out.println(InlineTask.<List<Integer>>run(computeFibs(options.fibs)));
            long start = System.nanoTime();
            InlineTask.run(computeFibs(options.fibs));
            InlineTask.run(computeFibs(options.fibs));
            out.println("Sequential: " + secondsSince(start));
            start = System.nanoTime();
            InlineTask<List<Integer>> f1 = InlineTask.start(computeFibs(options.fibs));
            InlineTask<List<Integer>> f2 = InlineTask.start(computeFibs(options.fibs));
            f1.join();
            f2.join();
            out.println("Parallel: " + secondsSince(start));

            heading("Execution model");
            f1 = InlineTask.start(computeFibsTraced(options.trace));
            f2 = InlineTask.start(computeFibsTraced(options.trace));
            f1.join();
            f2.join();

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
