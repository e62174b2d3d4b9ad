package app;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;

/** CoverageMavenIT reads the report's line counters of the lines marked at their ends. */
public class Countdown {
    @Generator
    public static Gen<Integer> countdown(int n, boolean loud) {
        int total = 0; // first
        while (n > 0) { // loop
            if (loud) { // branch
                System.out.println("at " + n); // missed
            }
            total += n;
            Yield.now(n); // yield
            n--; // resumed
        }
        return Gen.done(total); // returned
    }
}
