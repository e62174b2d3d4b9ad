package dev.gen4j.bench;

import dev.gen4j.Gen;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one {@code next()}: a counting {@code @Generator} against the same counting
 * written by hand, and the same generator reached through 1 and 1,000 {@code Yield.from}s.
 * Each benchmark returns the value it got, so JMH consumes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneratorNextBenchmark {
    static final int DEEP = 1000;

    private Iterator<Integer> iterator;
    private IntSupplier supplier;
    private Gen<Integer> generator;
    private Gen<Integer> generatorLambda;
    private Gen<Integer> delegatingOnce;
    private Gen<Integer> delegatingDeep;

    @Setup(Level.Trial)
    public void setUp() {
        iterator = new Counters.CountingIterator();
        supplier = new Counters.CountingSupplier();
        generator = Counters.counting();
        generatorLambda = Counters.countingLambda();
        delegatingOnce = Counters.delegating(1);
        delegatingDeep = Counters.delegating(DEEP);
        // The first next() pushes the whole Yield.from chain: measure resuming, not building.
        delegatingOnce.next();
        delegatingDeep.next();
    }

    @Benchmark
    public Integer handWrittenIterator() {
        return iterator.next();
    }

    @Benchmark
    public int handWrittenIntSupplier() {
        return supplier.getAsInt();
    }

    @Benchmark
    public Integer generator() {
        return generator.next();
    }

    @Benchmark
    public Integer generatorLambda() {
        return generatorLambda.next();
    }

    @Benchmark
    public Integer yieldFromDepth1() {
        return delegatingOnce.next();
    }

    @Benchmark
    public Integer yieldFromDepth1000() {
        return delegatingDeep.next();
    }
}
