package dev.gen4j.bench;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.Iterator;
import java.util.function.IntSupplier;

/** The counting sequence 0, 1, 2, ... written as generators and by hand, for the benchmarks. */
final class Counters {
    private Counters() {
    }

    /** Counts forever (wrapping at Integer.MAX_VALUE). */
    @Generator
    static Gen<Integer> counting() {
        int i = 0;
        while (true) {
            Yield.now(i++);
        }
    }

    /** {@link #counting()} as a generator lambda. */
    static Gen<Integer> countingLambda() {
        return Gen.generate(() -> {
            int i = 0;
            while (true) {
                Yield.now(i++);
            }
        });
    }

    /**
     * A chain of {@code depth} generators, each delegating to the next with {@code Yield.from};
     * the innermost one delegates to {@link #counting()}.
     */
    @Generator
    static Gen<Integer> delegating(int depth) {
        Gen<Integer> inner = depth <= 1 ? counting() : delegating(depth - 1);
        return Gen.done(Yield.from(inner));
    }

    /** What {@link #counting()} does, as a hand-written iterator. */
    static final class CountingIterator implements Iterator<Integer> {
        private int i;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            return i++;
        }
    }

    /** What {@link #counting()} does, without boxing. */
    static final class CountingSupplier implements IntSupplier {
        private int i;

        @Override
        public int getAsInt() {
            return i++;
        }
    }
}
