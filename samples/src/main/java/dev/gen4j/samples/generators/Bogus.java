package dev.gen4j.samples.generators;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * bogus.py: a generator that both produces and receives values (not a recommended style). Sending
 * 3 while iterating resets the countdown, and the value that send returns is lost to the loop,
 * so 3 is never printed.
 */
@Command(name = "bogus", mixinStandardHelpOptions = true,
        description = "A countdown that is sent a new value while it is iterated (seed: bogus.py).")
public class Bogus implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Generator
    static Gen<Integer> countdown(int n, PrintWriter out) {
        out.println("Counting down from " + n);
        while (n >= 0) {
            Integer newvalue = Yield.now(n);
            // If a new value got sent in, reset n with it
            if (newvalue != null) {
                n = newvalue;
            } else {
                n -= 1;
            }
        }
        return Gen.done();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // The holy grail countdown
        Gen<Integer> c = countdown(5, out);
        for (int x : c) {
            out.println(x);
            if (x == 5) {
                c.send(3);
            }
        }
        out.flush();
        return 0;
    }
}
