package dev.gen4j.fuzz;

import dev.gen4j.Gen;
import dev.gen4j.testing.Instrumented;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs programs both ways and compares: (a) compiled as generators, instrumented as the agent
 * does, every emitted class verified, driven by a {@link DrivePlan}; (b) compiled plainly, the
 * {@link Recorder} answering each yield as the driver would. Programs are compiled in batches, one
 * compilation task per batch and variant, and batches run in parallel.
 */
final class DifferentialRunner {
    /** Programs per compilation task. */
    static final int BATCH = 50;
    /** Stop starting batches once this many programs have failed. */
    private static final int ENOUGH_FAILURES = 10;

    /** A program that failed, and how. */
    record Failure(FuzzProgram program, String problem) {
        String report() {
            StringBuilder s = new StringBuilder();
            s.append("program ").append(program.className()).append(", seed ").append(program.seed()).append(": ")
                    .append(problem).append('\n');
            s.append("reproduce with -Dgen4j.fuzz.seed=").append(program.seed())
                    .append(" -Dgen4j.fuzz.programs=1\n");
            s.append("--- source (generator variant; the plain variant differs only in the Yield/Gen calls) ---\n");
            String[] lines = program.source(Variant.GENERATOR).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                s.append(String.format("%4d  %s%n", i + 1, lines[i]));
            }
            return s.toString();
        }
    }

    /** Counts over all programs run, to show that the programs do exercise what they should. */
    static final class Statistics {
        final AtomicInteger programs = new AtomicInteger();
        final AtomicInteger yields = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger threw = new AtomicInteger();
        final AtomicInteger returned = new AtomicInteger();
        /** How runs ended, by kind: the type of the result, or of the exception. */
        final Map<String, Integer> endings = new ConcurrentHashMap<>();
        /** Programs with a generator lambda, with a local or anonymous class's generator, with an override. */
        final AtomicInteger withLambdas = new AtomicInteger();
        final AtomicInteger withLocalClasses = new AtomicInteger();
        final AtomicInteger withOverrides = new AtomicInteger();
        final AtomicInteger withSuperDelegation = new AtomicInteger();
        /** Programs not run: refused for a generator lambda that javac dropped (see {@link DroppedLambdas}). */
        final AtomicInteger droppedLambdas = new AtomicInteger();
        /** Runs compared by their values only: the plain run cannot show how they end (see Recorder). */
        final AtomicInteger unmodelled = new AtomicInteger();

        void add(FuzzProgram p, Outcome o) {
            String t = p.template();
            count(withLambdas, t.contains("#G.generate("));
            count(withLocalClasses, t.contains(" run() throws Checked"));
            count(withOverrides, t.contains("@Override"));
            count(withSuperDelegation, t.contains("super.g"));
            count(unmodelled, o.end().startsWith(Outcome.UNMODELLED));
            programs.incrementAndGet();
            endings.merge(o.end().replaceAll(":.*", ""), 1, Integer::sum);
            yields.addAndGet(o.yielded().size());
            if (o.end().startsWith("threw")) {
                threw.incrementAndGet();
            } else if (o.end().startsWith("returned")) {
                returned.incrementAndGet();
            } else {
                closed.incrementAndGet();
            }
        }

        private static void count(AtomicInteger counter, boolean has) {
            if (has) {
                counter.incrementAndGet();
            }
        }

        @Override
        public String toString() {
            return programs + " programs, " + yields + " values yielded; ended: " + returned + " returned, "
                    + threw + " threw, " + closed + " closed by the driver; with generator lambdas: " + withLambdas
                    + ", local/anonymous class generators: " + withLocalClasses + ", overrides: " + withOverrides
                    + " (delegating to super: " + withSuperDelegation + "); not run, for a generator lambda javac"
                    + " dropped: " + droppedLambdas + "; compared by values only (a closed delegate yielded): "
                    + unmodelled;
        }
    }

    private final ThreadLocal<InMemoryCompiler> compilers = ThreadLocal.withInitial(InMemoryCompiler::new);
    private final ClassLoader testLoader = DifferentialRunner.class.getClassLoader();
    final Statistics statistics = new Statistics();
    private final AtomicInteger failed = new AtomicInteger();

    /** Runs the programs of seeds {@code firstSeed .. firstSeed + count - 1}; returns the failures, by seed. */
    List<Failure> run(long firstSeed, int count, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Failure>>> batches = new ArrayList<>();
            for (int start = 0; start < count; start += BATCH) {
                long from = firstSeed + start;
                int n = Math.min(BATCH, count - start);
                batches.add(pool.submit(() -> failed.get() >= ENOUGH_FAILURES ? List.of() : runBatch(from, n)));
            }
            List<Failure> failures = new ArrayList<>();
            for (Future<List<Failure>> b : batches) {
                try {
                    failures.addAll(b.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the fuzz runner itself failed", e.getCause());
                }
            }
            failures.sort(Comparator.comparingLong(f -> f.program().seed()));
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    List<Failure> runBatch(long firstSeed, int count) {
        List<FuzzProgram> programs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            programs.add(ProgramGenerator.generate(firstSeed + i));
        }
        Map<String, byte[]> generators;
        Map<String, byte[]> plain;
        try {
            generators = compile(programs, Variant.GENERATOR);
            plain = compile(programs, Variant.PLAIN);
        } catch (InMemoryCompiler.CompilationFailed e) {
            FuzzProgram culprit = programs.stream().filter(p -> p.binaryName().equals(e.className())).findFirst()
                    .orElse(programs.get(0));
            return failed(List.of(new Failure(culprit, "does not compile:\n" + e.getMessage())));
        }
        // Knows every class of the batch as javac wrote it: types for instrumentation and verification.
        ClassLoader compiled = new Instrumented.ClassesLoader(generators, testLoader);
        List<Failure> failures = new ArrayList<>();
        for (FuzzProgram p : programs) {
            String problem;
            try {
                problem = check(p, classesOf(p, generators), classesOf(p, plain), compiled);
            } catch (Throwable t) {
                problem = "the rewrite or its check failed:\n" + stackTrace(t);
            }
            if (problem != null) {
                failures.add(new Failure(p, problem));
            }
        }
        return failed(failures);
    }

    private List<Failure> failed(List<Failure> failures) {
        failed.addAndGet(failures.size());
        return failures;
    }

    private Map<String, byte[]> compile(List<FuzzProgram> programs, Variant variant)
            throws InMemoryCompiler.CompilationFailed {
        List<InMemoryCompiler.Unit> units = new ArrayList<>();
        for (FuzzProgram p : programs) {
            units.add(new InMemoryCompiler.Unit(p.binaryName(), p.source(variant)));
        }
        return compilers.get().compile(units);
    }

    /** Null if both runs agree, else what differs. */
    private String check(FuzzProgram p, Map<String, byte[]> generatorClasses, Map<String, byte[]> plainClasses,
            ClassLoader compiled) throws Exception {
        Map<String, byte[]> instrumented = new LinkedHashMap<>(generatorClasses);
        int hosts = 0;
        for (Map.Entry<String, byte[]> c : generatorClasses.entrySet()) {
            Instrumented.Emitted emitted = Instrumented.instrument(c.getValue(), compiled);
            if (emitted == null) {
                continue;
            }
            if (!emitted.problems().isEmpty()) {
                if (DroppedLambdas.explain(emitted.problems(), c.getKey(), c.getValue())) {
                    statistics.droppedLambdas.incrementAndGet();
                    return null;
                }
                return "the instrumenter refused it: " + emitted.problems();
            }
            Instrumented.verify(emitted, compiled);
            instrumented.put(emitted.hostName(), emitted.host());
            hosts++;
        }
        if (hosts == 0) {
            return "the instrumenter found no generator to rewrite";
        }

        DrivePlan plan = new DrivePlan(p.seed());
        Outcome a = runInstrumented(p, instrumented, plan);
        Outcome b = runPlain(p, plainClasses, plan);
        statistics.add(p, b);
        if (a.sameAs(b)) {
            return null;
        }
        StringBuilder s = new StringBuilder("the runs differ\n--- instrumented ---\n").append(a)
                .append("\n--- plain ---\n").append(b).append('\n');
        for (Outcome o : List.of(a, b)) {
            if (o.thrown() != null) {
                s.append("--- ").append(o == a ? "instrumented" : "plain").append(" run threw ---\n")
                        .append(stackTrace(o.thrown()));
            }
        }
        return s.toString();
    }

    private Outcome runInstrumented(FuzzProgram p, Map<String, byte[]> classes, DrivePlan plan)
            throws ReflectiveOperationException {
        Class<?> c = Class.forName(p.binaryName(), true, new Instrumented.ClassesLoader(classes, testLoader));
        Object g;
        try {
            g = c.getMethod("start").invoke(null);
        } catch (InvocationTargetException e) {
            return new Outcome(List.of(), "start() threw " + Outcome.describe(e.getCause()), e.getCause());
        }
        return GeneratorDriver.drive((Gen<?>) g, plan);
    }

    private Outcome runPlain(FuzzProgram p, Map<String, byte[]> classes, DrivePlan plan)
            throws ReflectiveOperationException {
        Class<?> c = Class.forName(p.binaryName(), true, new Instrumented.ClassesLoader(classes, testLoader));
        Recorder recorder = new Recorder(plan);
        Field field = c.getDeclaredField("rec");
        field.setAccessible(true);
        field.set(null, recorder);
        try {
            return recorder.outcome(c.getMethod("start").invoke(null), null);
        } catch (InvocationTargetException e) {
            return recorder.outcome(null, e.getCause());
        }
    }

    private static Map<String, byte[]> classesOf(FuzzProgram p, Map<String, byte[]> all) {
        Map<String, byte[]> mine = new LinkedHashMap<>();
        all.forEach((name, bytes) -> {
            if (p.owns(name)) {
                mine.put(name, bytes);
            }
        });
        return mine;
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
