package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.GenBody;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.rewrite.shapes.Lambdas;
import dev.gen4j.testing.Instrumented;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Generator lambdas, with the agent and ahead of time, and what is refused. */
class GeneratorLambdasTest {
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("capturesLocals", List.of("n0", "n1", "n2"));
        EXPECTED.put("capturesThis", List.of("ann greets bob", "ann waves"));
        EXPECTED.put("oneBodyMakesIndependentGenerators", List.of("a1", "a2", "b2", "b1", "falsefalse"));
        EXPECTED.put("sendRaiseCloseAndFinally", List.of("ready", "got hello", "second", "caught bad",
                "after catch", "last", "finally", "done true"));
        EXPECTED.put("delegatesWithYieldFrom", List.of("helper 0", "helper 1", "helped", "inner lambda"));
        EXPECTED.put("checkedExceptionsComeOutUnchanged", List.of("before", "true true", "true"));
        EXPECTED.put("creationRunsNoneOfTheBody", List.of("created", "started", "x"));
        EXPECTED.put("aSerializableLambdaStillDeserializes", List.of("41", "42"));
        EXPECTED.put("everyPrimitiveAndTheStackSurviveAResume", List.of("first", "snull1099511627776" + "0.5z2"));
    }

    @TestFactory
    Stream<DynamicTest> withTheAgent() {
        return EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertEquals(e.getValue(), run(Lambdas.class, e.getKey()))));
    }

    @TestFactory
    Stream<DynamicTest> aheadOfTime() throws Exception {
        Class<?> lambdas = RealCodeTest.aheadOfTime(Lambdas.class, dev.gen4j.rewrite.shapes.Hierarchies.class)
                .loadClass(Lambdas.class.getName());
        return EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertEquals(e.getValue(), run(lambdas, e.getKey()))));
    }

    private static Object run(Class<?> holder, String scenario) throws Throwable {
        try {
            return holder.getMethod(scenario).invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static void yieldTwice() {
        Yield.now(1);
    }

    @Test
    void aMethodReferenceAsABodyIsRefusedWithWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Gen.generate(GeneratorLambdasTest::yieldTwice));
        assertTrue(e.getMessage().contains("GeneratorLambdasTest.yieldTwice"), e.getMessage());
        assertTrue(e.getMessage().contains("not a method reference"), e.getMessage());
        assertTrue(e.getMessage().contains("make yieldTwice a @Generator method"), e.getMessage());
    }

    static void yieldsNothing() {
    }

    @Test
    void aMethodReferenceThatDoesNotYieldIsRefusedToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Gen.generate(GeneratorLambdasTest::yieldsNothing));
        assertTrue(e.getMessage().contains("made no generator"), e.getMessage());
        assertTrue(e.getMessage().contains("not a method reference"), e.getMessage());
    }

    @Test
    void callingABodyDirectlyIsRefusedWithWhatToDo() {
        GenBody body = () -> Yield.now("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, body::run);
        assertTrue(e.getMessage().contains("called directly"), e.getMessage());
        assertTrue(e.getMessage().contains("Gen.generate(body)"), e.getMessage());
    }

    static final class Refused {
        static void references() {
            Gen.generate(GeneratorLambdasTest::yieldTwice);
        }

        @Generator
        static Gen<Integer> nestedYield() {
            Yield.from(Gen.generate(() -> {
                Runnable r = () -> Yield.now(1);
                r.run();
            }));
            return Gen.done();
        }
    }

    @Test
    void theInstrumenterReportsMethodReferencesAndYieldsInNestedLambdas() throws Exception {
        List<String> problems = Instrumented.instrument(Refused.class).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("method reference")
                && p.contains("GeneratorLambdasTest::yieldTwice") && p.contains("passed as a GenBody")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("lambda$nestedYield$") && p.contains("outside a @Generator")),
                problems.toString());
    }

    @Test
    void generatorLambdasPassVerification() throws Exception {
        Instrumented.Emitted e = Instrumented.instrument(Lambdas.class);
        assertEquals(List.of(), e.problems());
        assertTrue(e.frames().size() >= 10, e.frames().keySet().toString());
        Instrumented.verify(e, getClass().getClassLoader());
    }
}
