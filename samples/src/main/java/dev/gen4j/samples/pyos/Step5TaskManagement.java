package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.PrintWriter;

/**
 * pyos5.py, step 5: tasks start tasks ({@code NewTask}, here {@code Sys.spawn} through
 * {@link TaskExits#newTask}) and kill them ({@code KillTask}: {@code Sys.kill}).
 */
final class Step5TaskManagement {
    private Step5TaskManagement() {
    }

    @Generator
    static Gen<Void> foo(PrintWriter out) {
        long mytid = Yield.now(Sys.tid());
        while (true) {
            out.println("I'm foo " + mytid);
            Yield.now();
        }
    }

    @Generator
    static Gen<Void> main(PrintWriter out, TaskExits exits) {
        long child = Yield.from(exits.newTask(foo(out)));    // Launch new task
        for (int i = 0; i < 5; i++) {
            Yield.now();
        }
        Yield.now(Sys.kill(child));                            // Kill the task
        out.println("main done");
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
