package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.ReferenceType;
import com.sun.jdi.event.LocatableEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE's HotSwap of a class with generators, as IDEs do it (JDI {@code redefineClasses}), with
 * the agent: demo.Swapped is redefined at its {@code // swap} line with a version from
 * {@code src/test/hotswap} (API.md §1, Debugging).
 */
class HotSwapIT {
    private static final String MAIN = "demo.Swapped";

    @TempDir
    Path compiled;

    @Test
    void aGeneratorWhoseSavedStateKeepsItsShapeGoesOnInTheNewCodeEvenIfSuspendedBefore() throws Exception {
        Run run = swapWith("shape-kept");
        assertEquals(List.of(
                "before: one, v1 0",
                "words, suspended before: TWO",
                "counted, suspended before: V1 1, V1 2",
                "counted, created after: V1 0, V1 1",
                "plain, created after: ONE, TWO"), run.stdout, run.stderr);
        assertEquals("", run.stderr);
    }

    @Test
    void aGeneratorThatNowSavesOtherLocalsRunsTheNewCodeWhenCreatedAfterAndSaysWhySuspendedOnesCannotResume()
            throws Exception {
        Run run = swapWith("shape-changed");
        assertEquals(5, run.stdout.size(), run.stdout + run.stderr);
        assertEquals("before: one, v1 0", run.stdout.get(0));
        assertEquals("words, suspended before: two", run.stdout.get(1));
        String stale = run.stdout.get(2);
        assertTrue(stale.startsWith("counted, suspended before: IllegalStateException: generator demo.Swapped.counted"
                + "(int) was suspended when its class was redefined (HotSwap)"), stale);
        assertTrue(stale.contains("create the generator again"), stale);
        assertEquals("counted, created after: v2 0, v2 1", run.stdout.get(3));
        assertEquals("plain, created after: one, two", run.stdout.get(4));
        assertEquals("", run.stderr);
    }

    @Test
    void makingAMethodAGeneratorIsRefusedByTheJvmAndTheAgentSaysWhyAndWhatToDo() throws Exception {
        Run run = swapWith("generator-added");
        assertTrue(run.refused instanceof UnsupportedOperationException, String.valueOf(run.refused));
        assertTrue(run.stderr.contains("[gen4j] cannot redefine class demo.Swapped: the change makes"
                + " demo.Swapped.plain() a generator; gen4j writes a method per generator, and the JVM cannot add or"
                + " remove methods of a loaded class (HotSwap changes method bodies only): restart the program"),
                run.stderr);
        // The class stays as it was.
        assertEquals(List.of(
                "before: one, v1 0",
                "words, suspended before: two",
                "counted, suspended before: v1 1, v1 2",
                "counted, created after: v1 0, v1 1",
                "plain, created after: one, two"), run.stdout, run.stderr);
    }

    /** What the program wrote, and what the redefinition threw (null if it was accepted). */
    private record Run(List<String> stdout, String stderr, Exception refused) {
    }

    private Run swapWith(String version) throws Exception {
        byte[] replacement = compile(version);
        Exception refused = null;
        try (Debuggee debuggee = Debuggee.launch(MAIN, DemoProgram.line("Swapped.java", "swap"))) {
            LocatableEvent atSwap = debuggee.next();
            assertNotNull(atSwap, "the program did not reach the swap line");
            assertTrue(debuggee.vm().canRedefineClasses(), "this JVM cannot redefine classes");
            ReferenceType swapped = atSwap.location().declaringType();
            try {
                debuggee.vm().redefineClasses(Map.of(swapped, replacement));
            } catch (UnsupportedOperationException e) {
                refused = e;
            }
            assertEquals(null, debuggee.next(), "the program stopped again after the swap");
            return new Run(debuggee.stdout().lines().toList(), debuggee.stderr(), refused);
        }
    }

    /** demo/Swapped.java of {@code src/test/hotswap/version}, compiled against gen4j's runtime. */
    private byte[] compile(String version) throws IOException {
        Path source = Path.of(System.getProperty("gen4j.it.sources")).resolveSibling("hotswap").resolve(version)
                .resolve("demo").resolve("Swapped.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-g", "--release", "17", "-d", compiled.toString(), "-cp",
                DemoProgram.runtime().toString(), source.toString());
        assertEquals(0, status, "javac failed on " + source);
        return Files.readAllBytes(compiled.resolve("demo").resolve("Swapped.class"));
    }
}
