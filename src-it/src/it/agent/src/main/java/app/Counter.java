package app;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;

public class Counter {
    @Generator
    public static Gen<Integer> countdown(int n) {
        while (n > 0) {
            Yield.now(n);
            n--;
        }
        return Gen.done("liftoff");
    }
}
