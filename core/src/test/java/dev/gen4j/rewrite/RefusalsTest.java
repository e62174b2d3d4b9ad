package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.testing.Instrumented;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What cannot work is refused with a message naming class, method, line and the fix. */
class RefusalsTest {
    private static final Object LOCK = new Object();

    @Generator
    static Gen<Integer> yieldInSynchronizedBlock() {
        synchronized (LOCK) {
            Yield.now(1);
        }
        return Gen.done();
    }

    @Generator
    static synchronized Gen<Integer> yieldInSynchronizedMethod() {
        Yield.now(1);
        return Gen.done();
    }

    @Generator
    static Gen<Integer> yieldAfterSynchronizedBlock() {
        int x;
        synchronized (LOCK) {
            x = 7;
        }
        Yield.now(x);
        return Gen.done();
    }

    @Generator
    static Iterator<Integer> notReturningGen() {
        return List.of(1).iterator();
    }

    @Generator
    static Gen<Integer> yieldInLambda() {
        Runnable r = () -> Yield.now(1);
        r.run();
        return Gen.done();
    }

    @Generator
    static Gen<Integer> yieldThroughAMethodReference() {
        List.of(1, 2).forEach(Yield::now);
        return Gen.done();
    }

    static Gen<Integer> notAnnotated() {
        Yield.now(1);
        return Gen.done();
    }

    interface WithAnAbstractGenerator {
        @Generator
        Gen<String> names();

        default String greeting() {
            return "still usable";
        }
    }

    @Test
    void anAbstractGeneratorIsRefusedAndItsTypeStaysUsable() throws Exception {
        WithAnAbstractGenerator impl = () -> Gen.of(List.of("x"));
        assertEquals("still usable", impl.greeting());
        assertEquals(List.of("x"), impl.names().stream().toList());
        List<String> problems = Instrumented.instrument(WithAnAbstractGenerator.class).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("WithAnAbstractGenerator.names()"), problems.get(0));
        assertTrue(problems.get(0).contains("put @Generator on the implementing method"), problems.get(0));
    }

    @Test
    void yieldInsideSynchronizedBlockIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, RefusalsTest::yieldInSynchronizedBlock);
        assertMessage(e, "yieldInSynchronizedBlock()", "synchronized block");
    }

    @Test
    void yieldInsideSynchronizedMethodIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, RefusalsTest::yieldInSynchronizedMethod);
        assertMessage(e, "yieldInSynchronizedMethod()", "synchronized method");
    }

    @Test
    void yieldAfterASynchronizedBlockIsFine() {
        assertEquals(7, yieldAfterSynchronizedBlock().next());
    }

    @Test
    void returnTypeOtherThanGenIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, RefusalsTest::notReturningGen);
        assertMessage(e, "notReturningGen()", "must be declared to return dev.gen4j.Gen");
    }

    @Test
    void yieldInALambdaFailsWithTheReason() {
        Gen<Integer> g = yieldInLambda();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertTrue(e.getMessage().contains("lambda$yieldInLambda$"), e.getMessage());
        assertTrue(e.getMessage().contains("not a @Generator method"), e.getMessage());
        assertTrue(e.getMessage().contains("RefusalsTest.java:"), e.getMessage());
    }

    @Test
    void yieldInAPlainMethodFailsWithTheReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class, RefusalsTest::notAnnotated);
        assertTrue(e.getMessage().contains("RefusalsTest.notAnnotated"), e.getMessage());
        assertTrue(e.getMessage().contains("not a @Generator method"), e.getMessage());
    }

    @Test
    void theInstrumenterReportsEveryProblemAtLoadTime() throws Exception {
        List<String> problems = Instrumented.instrument(RefusalsTest.class).problems();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("yieldThroughAMethodReference()")
                && p.contains("method reference to Yield.now (Yield::now)") && p.contains("RefusalsTest.java:")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("lambda$yieldInLambda$") && p.contains("outside a @Generator method")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("notAnnotated") && p.contains("outside a @Generator method")),
                problems.toString());
    }

    private static void assertMessage(IllegalStateException e, String method, String problem) {
        String m = e.getMessage();
        assertTrue(m.contains("dev.gen4j.rewrite.RefusalsTest." + method), m);
        assertTrue(m.matches(".*\\(RefusalsTest\\.java:\\d+\\).*"), m);
        assertTrue(m.contains(problem), m);
    }
}
