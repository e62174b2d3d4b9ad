package dev.gen4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Generator
    static Gen<Integer> countdown(int n) {
        while (n > 0) {
            Yield.now(n);
            n--;
        }
        return Gen.done("liftoff");
    }

    @Test
    void countsDown() {
        List<Integer> seen = new ArrayList<>();
        Gen<Integer> g = countdown(3);
        for (int x : g) {
            seen.add(x);
        }
        assertEquals(List.of(3, 2, 1), seen);
        assertEquals("liftoff", g.result());
    }
}
