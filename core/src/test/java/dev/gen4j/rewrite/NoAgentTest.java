package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A JVM started without the agent gets a message that says how to fix it. */
class NoAgentTest {
    /** Run in a JVM without the agent. */
    public static final class Main {
        @Generator
        static Gen<Integer> countdown(int n) {
            while (n > 0) {
                Yield.now(n--);
            }
            return Gen.done();
        }

        public static void main(String[] args) {
            for (int x : countdown(3)) {
                System.out.println(x);
            }
        }
    }

    /** Run in a JVM without the agent: a generator lambda. */
    public static final class LambdaMain {
        public static void main(String[] args) {
            for (Object x : Gen.generate(() -> Yield.now("from the lambda"))) {
                System.out.println(x);
            }
        }
    }

    /** Run in a JVM without the agent: a generator that ends without a yield. */
    public static final class NoYieldMain {
        @Generator
        static Gen<String> nothing() {
            return Gen.done(); // no-yield
        }

        public static void main(String[] args) {
            System.out.println("values: " + nothing().hasNext());
        }
    }

    /** Run in a JVM without the agent: a yield in a class that has no generators. */
    public static final class StrayYieldMain {
        static void helper() {
            Yield.now("stray");
        }

        public static void main(String[] args) {
            helper();
        }
    }

    /** A class with a generator and a plain method that yields, instrumented in this JVM (it has the agent). */
    static final class Instrumented {
        @Generator
        static Gen<Integer> plusOne() {
            int ready = Yield.from(ready());
            return Gen.done(ready + 1);
        }

        /** A finished generator made by a plain method: legal, with or without instrumentation. */
        static Gen<Integer> ready() {
            return Gen.done(41);
        }

        static void stray() {
            Yield.now("stray");
        }
    }

    @Test
    void withoutTheAgentAGeneratorThatEndsWithoutAYieldFailsWithTheFixInsteadOfLookingEmpty() throws Exception {
        String output = runWithoutAgent(NoYieldMain.class);
        assertTrue(output.contains("IllegalStateException: @Generator method dev.gen4j.rewrite.NoAgentTest$NoYieldMain"
                + ".nothing (NoAgentTest.java:" + lineOf("// no-yield") + ") ran as a plain method and returned"
                + " Gen.done(): class dev.gen4j.rewrite.NoAgentTest$NoYieldMain was not instrumented"), output);
        assertTrue(output.contains("-javaagent:gen-agent.jar"), output);
        assertEquals(-1, output.indexOf("values:"), output);
    }

    @Test
    void withoutTheAgentAYieldInAClassWithoutGeneratorsSaysWhatToDoButNotToAddTheAgent() throws Exception {
        String output = runWithoutAgent(StrayYieldMain.class);
        assertTrue(output.contains("called in dev.gen4j.rewrite.NoAgentTest$StrayYieldMain.helper"), output);
        assertTrue(output.contains("which is not a @Generator method"), output);
        assertEquals(-1, output.indexOf("-javaagent"), output);
    }

    @Test
    void inAnInstrumentedClassAPlainMethodMayReturnGenDoneAndAStrayYieldIsNotBlamedOnAMissingAgent() {
        Gen<Integer> g = Instrumented.plusOne();
        assertEquals(false, g.hasNext());
        assertEquals(42, g.<Integer>result());
        IllegalStateException stray = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                Instrumented::stray);
        assertTrue(stray.getMessage().contains("which is not a @Generator method"), stray.getMessage());
        assertEquals(-1, stray.getMessage().indexOf("-javaagent"), stray.getMessage());
    }

    private static int lineOf(String marker) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/java/dev/gen4j/rewrite/"
                + "NoAgentTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker);
    }

    @Test
    void withoutTheAgentTheErrorNamesTheMethodAndTheFix() throws Exception {
        String output = runWithoutAgent(Main.class);
        assertTrue(output.contains("IllegalStateException"), output);
        assertTrue(output.contains("@Generator method dev.gen4j.rewrite.NoAgentTest$Main.countdown (NoAgentTest.java:"), output);
        assertTrue(output.contains("-javaagent:gen-agent.jar"), output);
        assertTrue(output.contains("java -jar gen-agent.jar instrument"), output);
        assertEquals(-1, output.indexOf("\n1\n"), "no value came out: " + output);
    }

    @Test
    void withoutTheAgentAGeneratorLambdaSaysItsClassWasNotInstrumented() throws Exception {
        String output = runWithoutAgent(LambdaMain.class);
        assertTrue(output.contains("ran in a generator lambda in dev.gen4j.rewrite.NoAgentTest$LambdaMain"), output);
        assertTrue(output.contains("was not instrumented"), output);
        assertTrue(output.contains("-javaagent:gen-agent.jar"), output);
        assertEquals(-1, output.indexOf("from the lambda\n"), "no value came out: " + output);
    }

    /** Runs {@code main} in a child JVM with the test class path and no -javaagent; its output. */
    private static String runWithoutAgent(Class<?> main) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()))
                .redirectErrorStream(true).start();
        String output;
        try (Stream<String> lines = p.inputReader(StandardCharsets.UTF_8).lines()) {
            output = lines.collect(Collectors.joining("\n"));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        assertNotEquals(0, p.exitValue(), output);
        return output;
    }
}
