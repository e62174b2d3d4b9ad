package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.testing.Instrumented;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generator that overrides a method returning Object (or a type variable) gets a bridge. */
class OverridingTest {
    interface Visitor<R> {
        R visit(int n);
    }

    static final class Counting implements Visitor<Gen<Integer>> {
        @Generator
        @Override
        public Gen<Integer> visit(int n) {
            for (int i = 0; i < n; i++) {
                Yield.now(i);
            }
            return Gen.done();
        }
    }

    abstract static class Base {
        abstract Object items();
    }

    static final class Sub extends Base {
        @Generator
        @Override
        Gen<String> items() {
            Yield.now("a");
            Yield.now("b");
            return Gen.done();
        }
    }

    @Test
    void throughTheBridge() throws Exception {
        Visitor<Gen<Integer>> v = new Counting();
        assertEquals(List.of(0, 1, 2), v.visit(3).stream().toList());
        Base b = new Sub();
        assertEquals(List.of("a", "b"), ((Gen<?>) b.items()).stream().toList());
        assertEquals(List.of(), Instrumented.instrument(Counting.class).problems());
        assertEquals(List.of(), Instrumented.instrument(Sub.class).problems());
    }
}
