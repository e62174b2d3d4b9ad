package dev.gen4j.bench;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Io;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.Locale;

/**
 * What many tasks waiting on one channel cost: N tasks wait to read one pipe (one pass of the
 * loop registers them all), then one task kills them all. Prints the milliseconds of each phase
 * and the nanoseconds per waiter, for N doubling: a constant figure per waiter means linear cost.
 * {@code java -cp bench/target/benchmarks.jar dev.gen4j.bench.ManyWaiters}
 */
public final class ManyWaiters {
    private ManyWaiters() {
    }

    @Generator
    static Gen<Void> waits(Pipe.SourceChannel source) {
        Yield.now(Io.readable(source));
        return Gen.done();
    }

    @Generator
    static Gen<Void> stops(Scheduler s) {
        s.stop();
        return Gen.done();
    }

    @Generator
    static Gen<Void> killsAll(long first, int count, Scheduler s) {
        for (int i = 0; i < count; i++) {
            Yield.now(Sys.kill(first + i));
        }
        s.stop();
        return Gen.done();
    }

    public static void main(String[] args) throws IOException {
        System.out.printf(Locale.ROOT, "%8s %12s %12s %16s %16s%n", "waiters", "register ms", "kill ms", "register ns/one", "kill ns/one");
        for (int round = 0; round < 2; round++) {
            boolean warmUp = round == 0;
            for (int n = 10_000; n <= 160_000; n *= 2) {
                long[] ms = measure(n);
                if (!warmUp) {
                    System.out.printf(Locale.ROOT, "%8d %12.1f %12.1f %16.0f %16.0f%n",
                            n, ms[0] / 1e6, ms[1] / 1e6, (double) ms[0] / n, (double) ms[1] / n);
                }
            }
        }
    }

    /** Nanoseconds to register {@code n} waiters, and to kill them. */
    private static long[] measure(int n) throws IOException {
        Pipe pipe = Pipe.open();
        try (Scheduler s = new Scheduler(); Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            long first = s.spawn(waits(source));
            for (int i = 1; i < n; i++) {
                s.spawn(waits(source));
            }
            s.spawn(stops(s));
            long t0 = System.nanoTime();
            s.run();
            long t1 = System.nanoTime();
            s.spawn(killsAll(first, n, s));
            s.run();
            long t2 = System.nanoTime();
            return new long[] {t1 - t0, t2 - t1};
        }
    }
}
