package app;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;

public class Locked {
    private final Object lock = new Object();

    @Generator
    public Gen<Integer> holdsTheLock() {
        synchronized (lock) {
            Yield.now(1);
        }
        return Gen.done();
    }
}
