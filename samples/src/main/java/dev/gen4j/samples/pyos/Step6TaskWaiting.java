package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.PrintWriter;

/** pyos6.py, step 6: a task waits for another to end ({@code WaitTask}: {@code Sys.join}). */
final class Step6TaskWaiting {
    private Step6TaskWaiting() {
    }

    @Generator
    static Gen<Void> foo(PrintWriter out) {
        for (int i = 0; i < 5; i++) {
            out.println("I'm foo");
            Yield.now();
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> main(PrintWriter out, TaskExits exits) {
        long child = Yield.from(exits.newTask(foo(out)));
        out.println("Waiting for child");
        Yield.now(Sys.join(child));
        out.println("Child done");
        return Gen.done();
    }

    static void run(PrintWriter out) {
        TaskExits exits = new TaskExits(out);
        try (Scheduler sched = new Scheduler()) {
            exits.spawn(sched, main(out, exits));
            sched.run();
        }
    }
}
