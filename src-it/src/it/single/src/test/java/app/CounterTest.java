package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {
    @Generator
    static Gen<String> labelled(int n) {
        for (int i : Counter.countdown(n)) {
            Yield.now("#" + i);
        }
        return Gen.done();
    }

    @Test
    void countsDownFromMainClasses() {
        Gen<Integer> g = Counter.countdown(3);
        assertEquals(List.of(3, 2, 1), g.stream().toList());
        assertEquals("liftoff", g.result());
    }

    @Test
    void aGeneratorInTheTestClassesRuns() {
        assertEquals(List.of("#2", "#1"), labelled(2).stream().toList());
    }
}
