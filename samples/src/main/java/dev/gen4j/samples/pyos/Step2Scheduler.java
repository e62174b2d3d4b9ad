package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.io.PrintWriter;

/**
 * pyos2.py, step 2: a scheduler that alternates between tasks whenever they yield. The seed's
 * tasks loop forever; {@code rounds} can bound them.
 */
final class Step2Scheduler {
    private Step2Scheduler() {
    }

    @Generator
    static Gen<Void> foo(PrintWriter out, long rounds) {
        for (long i = 0; i < rounds; i++) {
            out.println("I'm foo");
            Yield.now();
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> bar(PrintWriter out, long rounds) {
        for (long i = 0; i < rounds; i++) {
            out.println("I'm bar");
            Yield.now();
        }
        return Gen.done();
    }

    static void run(PrintWriter out, long rounds) {
        try (Scheduler sched = new Scheduler()) {
            sched.spawn(foo(out, rounds));
            sched.spawn(bar(out, rounds));
            sched.run();
        }
    }
}
