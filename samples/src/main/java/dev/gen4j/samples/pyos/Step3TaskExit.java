package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.io.PrintWriter;

/**
 * pyos3.py, step 3: a task that ends leaves the scheduler, and the others go on. (With the seed's
 * step-2 scheduler it crashed everything: taskcrash.py. gen4j's Scheduler always did this.)
 */
final class Step3TaskExit {
    private Step3TaskExit() {
    }

    @Generator
    static Gen<Void> foo(PrintWriter out) {
        for (int i = 0; i < 10; i++) {
            out.println("I'm foo");
            Yield.now();
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> bar(PrintWriter out) {
        for (int i = 0; i < 5; i++) {
            out.println("I'm bar");
            Yield.now();
        }
        return Gen.done();
    }

    static void run(PrintWriter out) {
        TaskExits exits = new TaskExits(out);
        try (Scheduler sched = new Scheduler()) {
            exits.spawn(sched, foo(out));
            exits.spawn(sched, bar(out));
            sched.run();
        }
    }
}
