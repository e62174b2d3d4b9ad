package dev.gen4j.samples.countdown;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The first generator of all: a countdown, driven by a for-each loop. */
@Command(name = "countdown", mixinStandardHelpOptions = true,
        description = "Counts down from N with a generator: the body runs only as the loop asks for values.")
public final class Countdown implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "N", defaultValue = "10",
            description = "Where to start counting down (default: ${DEFAULT-VALUE}).")
    int from;

    @Generator
    static Gen<Integer> countdown(int n) {
        System.out.println("Counting down from " + n);
        while (n > 0) {
            Yield.now(n);
            n--;
        }
        return Gen.done();
    }

    @Override
    public Integer call() {
        for (int x : countdown(from)) {
            System.out.println(x);
        }
        return 0;
    }
}
