package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.InstrumentationException;
import dev.gen4j.testing.Instrumented;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes absent when instrumenting (an optional dependency): where the rewrite must merge two
 * types and one of their classes is missing, it takes the type the compiler's stack map frame
 * declares, as the verifier does; the program then runs with its classes present.
 */
class MissingClassesTest {
    public static class Base {
        public String name() {
            return "base";
        }
    }

    public static final class Left extends Base {
        @Override
        public String name() {
            return "left";
        }
    }

    public static final class Right extends Base {
        @Override
        public String name() {
            return "right";
        }
    }

    public static final class Merges {
        /** Left and Right meet on the operand stack, where the conditional ends. */
        @Generator
        public static Gen<String> onTheStack(boolean left) {
            Base b = left ? new Left() : new Right();
            Yield.now("picked");
            return Gen.done(b.name());
        }

        /** Left and Right meet in a local, after the if. */
        @Generator
        public static Gen<String> inALocal(boolean left) {
            Base b;
            if (left) {
                b = new Left();
            } else {
                b = new Right();
            }
            Yield.now("picked");
            Yield.now(b.name());
            return Gen.done(b.name());
        }
    }

    private static final String LEFT = internalName(Left.class);
    private static final String RIGHT = internalName(Right.class);

    @Test
    void aMergeOfClassesMissingWhenInstrumentingTakesTheDeclaredTypeAndRunsWithTheClassesPresent()
            throws Exception {
        Instrumented.Emitted emitted = instrumentWithout(Set.of(LEFT, RIGHT));
        assertEquals(List.of(), emitted.problems());
        Instrumented.verify(emitted, getClass().getClassLoader());
        Class<?> merges = new Instrumented.ClassesLoader(emitted.allClasses(), getClass().getClassLoader())
                .loadClass(Merges.class.getName());
        for (boolean left : new boolean[] {true, false}) {
            String expected = left ? "left" : "right";
            Gen<?> stack = (Gen<?>) merges.getMethod("onTheStack", boolean.class).invoke(null, left);
            assertEquals("picked", stack.next());
            assertFalse(stack.hasNext());
            assertEquals(expected, stack.result());
            Gen<?> local = (Gen<?>) merges.getMethod("inALocal", boolean.class).invoke(null, left);
            assertEquals(List.of("picked", expected), List.of(local.next(), local.next()));
            assertFalse(local.hasNext());
            assertEquals(expected, local.result());
        }
    }

    @Test
    void aClassMissingWhereNoFrameDeclaresATypeIsStillNamedWithTheFix() {
        // The yield keeps a Base: its class must be read to write the frame's field.
        InstrumentationException e = assertThrows(InstrumentationException.class,
                () -> instrumentWithout(Set.of(LEFT, RIGHT, internalName(Base.class))));
        assertTrue(e.getMessage().contains("class " + Base.class.getName() + " not found; add it with --classpath"),
                e.getMessage());
    }

    private Instrumented.Emitted instrumentWithout(Set<String> missing) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        ClassHierarchy hierarchy = new ClassHierarchy(name -> missing.contains(name) ? null
                : loader.getResourceAsStream(name + ".class"), "add it with --classpath");
        ClassInstrumenter.Result result = new ClassInstrumenter(hierarchy)
                .instrument(Instrumented.originalBytes(Merges.class));
        if (!result.problems().isEmpty()) {
            throw new InstrumentationException(String.join("\n", result.problems()));
        }
        return Instrumented.emitted(result);
    }

    private static String internalName(Class<?> c) {
        return c.getName().replace('.', '/');
    }
}
