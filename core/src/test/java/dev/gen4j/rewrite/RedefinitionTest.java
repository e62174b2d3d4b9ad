package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.testing.Instrumented;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instrumentation of a class being redefined (HotSwap): what the agent writes for the new
 * version of a class it instrumented before. HotSwapIT redefines a running program's class.
 */
class RedefinitionTest {
    private static final String V1 = """
            package hs;
            import dev.gen4j.*;
            public class Host {
                @Generator public static Gen<String> same() { Yield.now("a"); return Gen.done(); }
                @Generator public static Gen<String> grows(int n) {
                    for (int i = 0; i < n; i++) { Yield.now("v1 " + i); }
                    return Gen.done();
                }
                public static Gen<String> plain() { return same(); }
            }
            """;
    /** grows() keeps one more local across its yield; same() only yields another value, on the same line. */
    private static final String V2 = V1.replace("Yield.now(\"a\")", "Yield.now(\"b\")")
            .replace("for (int i = 0; i < n; i++) { Yield.now(\"v1 \" + i); }",
                    "String p = \"v2 \"; for (int i = 0; i < n; i++) { Yield.now(p + i); }");
    private static final String PLAIN_BECOMES_A_GENERATOR = V1.replace(
            "public static Gen<String> plain() { return same(); }",
            "@Generator public static Gen<String> plain() { Yield.now(\"p\"); return Gen.done(); }");

    @TempDir
    Path dir;

    private final ClassInstrumenter instrumenter = new ClassInstrumenter(ClassHierarchy.of(getClass()
            .getClassLoader()));

    @Test
    void theSameClassFileRedefinedIsWrittenExactlyAsTheFirstTime() throws Exception {
        byte[] v1 = compile(V1);
        ClassInstrumenter.Result first = instrumenter.instrument(v1);
        ClassInstrumenter.Result again = instrumenter.redefine(v1, first.frames());
        assertArrayEquals(first.bytes(), again.bytes());
        assertEquals(List.of(), again.problems());
    }

    @Test
    void aGeneratorWhoseFrameChangedGetsANewFrameClassAndOneWhoseFrameIsTheSameKeepsIts() throws Exception {
        ClassInstrumenter.Result first = instrumenter.instrument(compile(V1));
        Instrumented.Emitted redefined = Instrumented.emitted(instrumenter.redefine(compile(V2), first.frames()));
        Set<String> frames = new TreeSet<>(redefined.frames().keySet());
        assertEquals(2, frames.size(), frames.toString());
        assertTrue(frames.contains("hs.Host~same"), frames.toString());
        String grows = frames.stream().filter(f -> f.startsWith("hs.Host~grows~r")).findFirst().orElseThrow();
        assertEquals("hs.Host~grows~r".length() + 8, grows.length(), grows);
        Instrumented.verify(redefined, getClass().getClassLoader());
        assertEquals(List.of(), redefined.problems());
    }

    @Test
    void theRedefinedClassRunsTheNewCodeAndARenamedBodyRefusesAFrameOfBeforeWithTheFix() throws Exception {
        ClassInstrumenter.Result first = instrumenter.instrument(compile(V1));
        Instrumented.Emitted redefined = Instrumented.emitted(instrumenter.redefine(compile(V2), first.frames()));
        Class<?> host = new Instrumented.ClassesLoader(redefined.allClasses(), getClass().getClassLoader())
                .loadClass("hs.Host");
        assertEquals(List.of("b"), drain((Gen<?>) host.getMethod("same").invoke(null)));
        assertEquals(List.of("v2 0", "v2 1"), drain((Gen<?>) host.getMethod("grows", int.class).invoke(null, 2)));

        // A frame of the first version, as a generator suspended before the swap has, resumed in
        // the new body (which is what resuming it after the swap does).
        Instrumented.Emitted before = Instrumented.emitted(first);
        Instrumented.ClassesLoader both = new Instrumented.ClassesLoader(redefined.allClasses(),
                getClass().getClassLoader());
        both.add(java.util.Map.of("hs.Host~grows", before.frames().get("hs.Host~grows")));
        Class<?> newHost = both.loadClass("hs.Host");
        Class<?> oldFrame = both.loadClass("hs.Host~grows");
        Method body = newHost.getDeclaredMethod("grows", Gen.class, int.class);
        body.setAccessible(true);
        var constructor = oldFrame.getDeclaredConstructor(int.class);
        constructor.setAccessible(true);
        Object stale = constructor.newInstance(2);
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(java.lang.reflect.InvocationTargetException.class,
                () -> body.invoke(null, stale, 2)).getCause();
        assertEquals(IllegalStateException.class, thrown.getClass());
        assertTrue(thrown.getMessage().startsWith("generator hs.Host.grows(int) was suspended when its class was"
                + " redefined (HotSwap)"), thrown.getMessage());
        // The body's check resolved nothing: the new frame class still links for new generators.
        assertEquals(List.of("v2 0"), drain((Gen<?>) newHost.getMethod("grows", int.class).invoke(null, 1)));
    }

    @Test
    void aFrameBackToItsFirstShapeAfterAnotherDoesNotTakeItsFirstNameAgain() throws Exception {
        ClassInstrumenter.Result first = instrumenter.instrument(compile(V1));
        ClassInstrumenter.Result second = instrumenter.redefine(compile(V2), first.frames());
        Instrumented.Emitted third = Instrumented.emitted(instrumenter.redefine(compile(V1), second.frames()));
        Set<String> frames = third.frames().keySet();
        assertTrue(frames.contains("hs.Host~same"), frames.toString());
        assertFalse(frames.contains("hs.Host~grows"), frames.toString());
        assertNotEquals(Instrumented.emitted(second).frames().keySet(), frames);
    }

    @Test
    void aChangeThatMakesAMethodAGeneratorIsReportedWithWhatToDo() throws Exception {
        ClassInstrumenter.Result first = instrumenter.instrument(compile(V1));
        ClassInstrumenter.Result changed = instrumenter.redefine(compile(PLAIN_BECOMES_A_GENERATOR), first.frames());
        assertEquals(List.of("cannot redefine class hs.Host: the change makes hs.Host.plain() a generator; gen4j"
                + " writes a method per generator, and the JVM cannot add or remove methods of a loaded class (HotSwap"
                + " changes method bodies only): restart the program to load the change"), changed.problems());
    }

    private static List<Object> drain(Gen<?> g) {
        List<Object> values = new ArrayList<>();
        g.forEachRemaining(values::add);
        return values;
    }

    private byte[] compile(String source) throws IOException {
        Path src = dir.resolve("src").resolve("Host.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = dir.resolve("out-" + Integer.toHexString(source.hashCode()));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-proc:none", "-d",
                out.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, source);
        return Files.readAllBytes(out.resolve("hs").resolve("Host.class"));
    }
}
