package dev.gen4j.bench;

import dev.gen4j.Async;
import dev.gen4j.bench.AsyncFunctions.HandedOver;
import dev.gen4j.bench.AsyncFunctions.Stages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one await: an async function run by {@code Async.run}, against the same loop as a
 * hand-written {@code thenCompose} chain and as a virtual thread blocking in {@code join()}.
 * Each invocation awaits {@value #AWAITS} stages and sums their values; the score is per await,
 * so it includes a hundredth of starting the function (or the thread).
 *
 * <ul>
 * <li>{@code completed*}: every stage is already complete when awaited.
 * <li>{@code pending*}: every stage is new and not complete when awaited; the benchmark thread
 *     completes it, and the waiter resumes inside {@code complete()} and asks for the next one.
 *     A virtual thread cannot resume inside another thread's call, so its stages are completed
 *     by a second virtual thread to which each is handed over (a {@code SynchronousQueue}).
 * </ul>
 *
 * <p>Virtual threads need JDK 21 or later; on an older JDK the {@code virtualThread*}
 * benchmarks fail at setup with a message saying so ({@code run-async.sh} leaves them out).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AsyncAwaitBenchmark.AWAITS)
public class AsyncAwaitBenchmark {
    static final int AWAITS = 100;

    private Stages completed;

    @Setup(Level.Trial)
    public void setUp() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] done = new CompletableFuture[AWAITS];
        for (int i = 0; i < AWAITS; i++) {
            done[i] = CompletableFuture.completedFuture(i);
        }
        completed = i -> done[i];
    }

    /** One virtual thread per task (JDK 21+), looked up so that this class compiles for 17. */
    @State(Scope.Benchmark)
    public static class VirtualThreads {
        ExecutorService threads;

        @Setup(Level.Trial)
        public void start() throws ReflectiveOperationException {
            try {
                threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("virtual threads need JDK 21 or later, this is " + Runtime.version()
                        + ": run with JDK 25, or leave these benchmarks out with -e virtualThread", e);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            threads.shutdownNow();
        }
    }

    // ---- Stages already complete ---------------------------------------------------------

    @Benchmark
    public int completedAsyncRun() {
        return Async.<Integer>run(AsyncFunctions.sum(completed, AWAITS)).join();
    }

    @Benchmark
    public int completedThenCompose() {
        return AsyncFunctions.sumComposed(completed, AWAITS, 0, 0).toCompletableFuture().join();
    }

    @Benchmark
    public int completedVirtualThreadJoin(VirtualThreads vt) throws InterruptedException, ExecutionException {
        return vt.threads.submit(() -> AsyncFunctions.sumJoining(completed, AWAITS)).get();
    }

    // ---- Stages not yet complete ---------------------------------------------------------

    @Benchmark
    public int pendingAsyncRun() {
        HandedOver stages = new HandedOver(false);
        CompletableFuture<Integer> sum = Async.run(AsyncFunctions.sum(stages, AWAITS));
        for (int i = 0; i < AWAITS; i++) {
            stages.next.complete(i);
        }
        return sum.join();
    }

    @Benchmark
    public int pendingThenCompose() {
        HandedOver stages = new HandedOver(false);
        CompletableFuture<Integer> sum = AsyncFunctions.sumComposed(stages, AWAITS, 0, 0).toCompletableFuture();
        for (int i = 0; i < AWAITS; i++) {
            stages.next.complete(i);
        }
        return sum.join();
    }

    @Benchmark
    public int pendingVirtualThreadJoin(VirtualThreads vt) throws InterruptedException, ExecutionException {
        HandedOver stages = new HandedOver(true);
        Future<?> completer = vt.threads.submit(() -> {
            stages.completeAll(AWAITS);
            return null;
        });
        int sum = vt.threads.submit(() -> AsyncFunctions.sumJoining(stages, AWAITS)).get();
        completer.get();
        return sum;
    }
}
