package dev.gen4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the rewrite: random generator programs, run instrumented and run as plain
 * code, must yield the same values and end the same way. Seeds and count come from the system
 * properties {@code gen4j.fuzz.seed} and {@code gen4j.fuzz.programs} (set in core/pom.xml; override
 * with -D on the Maven command line); program i uses seed + i.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("gen4j.fuzz.seed", 20261121L);
    private static final int PROGRAMS = Integer.getInteger("gen4j.fuzz.programs", 2000);

    @Test
    void instrumentedGeneratorsBehaveLikeThePlainCode() throws InterruptedException {
        DifferentialRunner runner = new DifferentialRunner();
        List<DifferentialRunner.Failure> failures = runner.run(SEED, PROGRAMS,
                Runtime.getRuntime().availableProcessors());
        System.out.println("gen4j fuzz, seeds " + SEED + ".." + (SEED + PROGRAMS - 1) + ": " + runner.statistics);
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder(failures.size() + " program(s) failed, seeds "
                    + failures.stream().map(f -> Long.toString(f.program().seed())).toList() + "\n\n");
            failures.stream().limit(3).forEach(f -> report.append(f.report()).append('\n'));
            fail(report.toString());
        }
        // Guards the generator itself: most programs must yield, and every way of ending must occur.
        DifferentialRunner.Statistics s = runner.statistics;
        if (PROGRAMS >= 100) {
            assertTrue(s.yields.get() > 3 * PROGRAMS, s.toString());
            assertTrue(s.returned.get() > 0 && s.threw.get() > 0 && s.closed.get() > 0, s.toString());
            assertTrue(s.withLambdas.get() > PROGRAMS / 2 && s.withLocalClasses.get() > PROGRAMS / 10
                    && s.withOverrides.get() > PROGRAMS / 10 && s.withSuperDelegation.get() > PROGRAMS / 20, s.toString());
            // Programs refused for a generator lambda javac dropped are not run: they must stay few.
            assertTrue(s.droppedLambdas.get() < PROGRAMS / 8, s.toString());
            // And so must the runs compared by their values only.
            assertTrue(s.unmodelled.get() < PROGRAMS / 50, s.toString());
        }
    }

    @Test
    void aSeedAlwaysGivesTheSameProgram() {
        assertEquals(ProgramGenerator.generate(SEED).template(), ProgramGenerator.generate(SEED).template());
    }

    @Test
    void onlyTheGeneratorVariantUsesGenerators() {
        FuzzProgram p = ProgramGenerator.generate(SEED);
        assertTrue(p.source(Variant.GENERATOR).contains("@dev.gen4j.Generator"));
        String plain = p.source(Variant.PLAIN);
        assertTrue(!plain.contains("dev.gen4j.Generator") && !plain.contains("dev.gen4j.Yield")
                && !plain.contains("#"), plain);
    }
}
