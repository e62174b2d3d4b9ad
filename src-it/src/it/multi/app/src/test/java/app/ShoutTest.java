package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShoutTest {
    @Test
    void aGeneratorOfOneModuleDrivesOneOfAnother() {
        assertEquals(List.of("HELLO", "THERE"), Shout.shout("hello there").stream().toList());
    }
}
