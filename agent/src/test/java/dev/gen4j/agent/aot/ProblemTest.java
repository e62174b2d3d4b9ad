package dev.gen4j.agent.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gen4j.agent.instrument.InstrumentationException;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void theLineIsReadFromTheMessageAsInstrumentationWritesIt() {
        String message = InstrumentationException.at("app/Foo", "bar", "(ILjava/lang/String;)Ldev/gen4j/Gen;",
                "Foo.java", 12, "class lib.Thing not found; add it with --classpath").getMessage();
        Problem p = Problem.of("app/Foo", "Foo.java", message);
        assertEquals("app.Foo", p.className());
        assertEquals("app/Foo.java", p.sourcePath());
        assertEquals(12, p.line());
        assertEquals("/src/app/Foo.java:12: cannot instrument app.Foo.bar(int, java.lang.String) (Foo.java:12):"
                + " class lib.Thing not found; add it with --classpath", p.located("/src/app/Foo.java"));
    }

    @Test
    void aProblemWithoutALinePointsAtTheFilesFirstLine() {
        Problem p = Problem.of("Top", "Top.java", "class Top was instrumented by another version of gen4j");
        assertEquals("Top.java", p.sourcePath());
        assertEquals(0, p.line());
        assertEquals("Top.java:1: class Top was instrumented by another version of gen4j", p.located("Top.java"));
    }

    @Test
    void aClassFileWithoutASourceFileGivesTheMessageAlone() {
        Problem p = Problem.of("app/Foo", null, "cannot instrument class app.Foo: boom");
        assertNull(p.sourcePath());
        assertEquals("cannot instrument class app.Foo: boom", p.located(null));
    }
}
