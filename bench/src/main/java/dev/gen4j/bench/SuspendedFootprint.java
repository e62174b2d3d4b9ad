package dev.gen4j.bench;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Heap bytes retained by one suspended generator whose live locals are an {@code int}, a
 * {@code long} and a {@code String}, against a hand-written object holding the same three
 * fields and a state int.
 *
 * <p>Fills an array (allocated before the baseline) with {@value #COUNT} objects, forces full
 * collections, and divides the growth of the used heap by the count. Every object shares one
 * label, so only the objects themselves are counted. Run with a fixed heap, e.g.
 * {@code java -Xms1g -Xmx1g -XX:+UseSerialGC -cp bench/target/benchmarks.jar dev.gen4j.bench.SuspendedFootprint}.
 */
public final class SuspendedFootprint {
    static final int COUNT = 1_000_000;
    static final int ROUNDS = 3;
    static final String LABEL = "label";

    private SuspendedFootprint() {
    }

    /** Suspends holding {@code count}, {@code total} and {@code label}, all used after the yield. */
    @Generator
    static Gen<String> ticking(int count, long total, String label) {
        while (count > 0) {
            Yield.now(label);
            count--;
            total += label.length();
        }
        return Gen.done(total);
    }

    /** {@link #ticking} as a generator lambda: the arguments are its captured locals. */
    static Gen<String> tickingLambda(int count, long total, String label) {
        return Gen.generate(() -> {
            int left = count;
            long sum = total;
            while (left > 0) {
                Yield.now(label);
                left--;
                sum += label.length();
            }
        });
    }

    /** The state a hand-written iterator would keep for {@link #ticking}. */
    static final class HandWrittenTicking {
        int state;
        int count;
        long total;
        String label;

        HandWrittenTicking(int count, long total, String label) {
            this.count = count;
            this.total = total;
            this.label = label;
        }
    }

    public static void main(String[] args) {
        IntFunction<Object> generator = i -> {
            Gen<String> g = ticking(i + 2, i, LABEL);
            g.next();
            return g;
        };
        IntFunction<Object> lambda = i -> {
            Gen<String> g = tickingLambda(i + 2, i, LABEL);
            g.next();
            return g;
        };
        IntFunction<Object> handWritten = i -> {
            HandWrittenTicking t = new HandWrittenTicking(i + 2, i, LABEL);
            t.state = 1;
            return t;
        };
        Gen<String> sample = ticking(2, 0, LABEL);
        sample.next();
        if (sample.isDone()) {
            throw new AssertionError("the generator did not suspend");
        }
        describe(sample.getClass());

        // Warm up: classes loaded and the fill loops compiled before anything is measured.
        bytesPerObject(generator);
        bytesPerObject(handWritten);
        bytesPerObject(lambda);

        double gen = median(generator);
        double genLambda = median(lambda);
        double hand = median(handWritten);
        System.out.printf(Locale.ROOT, "%-40s %10s%n", "suspended object (" + COUNT + " kept)", "bytes/object");
        System.out.printf(Locale.ROOT, "%-40s %10.1f%n", "gen4j generator (int, long, String)", gen);
        System.out.printf(Locale.ROOT, "%-40s %10.1f%n", "gen4j generator lambda (same locals)", genLambda);
        System.out.printf(Locale.ROOT, "%-40s %10.1f%n", "hand-written (state, int, long, String)", hand);
        System.out.printf(Locale.ROOT, "%-40s %10.2f%n", "ratio gen4j / hand-written", gen / hand);
        System.out.printf(Locale.ROOT, "target <= 64 bytes per suspended generator: %s%n", gen <= 64 ? "MET" : "MISSED");
    }

    private static double median(IntFunction<Object> factory) {
        double[] results = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            results[r] = bytesPerObject(factory);
        }
        Arrays.sort(results);
        return results[ROUNDS / 2];
    }

    private static double bytesPerObject(IntFunction<Object> factory) {
        Object[] kept = new Object[COUNT];
        long before = usedAfterGc();
        for (int i = 0; i < COUNT; i++) {
            kept[i] = factory.apply(i);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(kept);
        return (after - before) / (double) COUNT;
    }

    /** The heap in use after full collections, repeated until it stops shrinking: live bytes, near enough. */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Repeat until the used heap stops shrinking: one System.gc() may leave garbage behind.
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used && i >= 3) {
                return Math.min(now, used);
            }
            used = Math.min(used, now);
        }
        return used;
    }

    /** Prints the frame class's fields: what the agent decided to keep across the yield. */
    private static void describe(Class<?> frame) {
        StringBuilder sb = new StringBuilder("frame class " + frame.getName() + ":");
        for (Class<?> c = frame; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    sb.append(' ').append(f.getType().getSimpleName()).append(' ')
                            .append(c.getSimpleName()).append('.').append(f.getName()).append(';');
                }
            }
        }
        System.out.println(sb);
    }
}
