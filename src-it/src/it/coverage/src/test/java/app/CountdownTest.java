package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.Gen;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountdownTest {
    @Test
    void countsDownQuietlyAndReturnsTheTotal() {
        Gen<Integer> g = Countdown.countdown(3, false);
        assertEquals(List.of(3, 2, 1), g.stream().toList());
        assertEquals(6, (int) g.result());
    }
}
