package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.PrintWriter;

/**
 * pyos4.py, step 4: system calls. A task yields a request to the scheduler and is resumed with
 * the answer: {@code yield GetTid()} is {@code Yield.now(Sys.tid())}.
 */
final class Step4SystemCalls {
    private Step4SystemCalls() {
    }

    @Generator
    static Gen<Void> foo(PrintWriter out) {
        long mytid = Yield.now(Sys.tid());
        for (int i = 0; i < 5; i++) {
            out.println("I'm foo " + mytid);
            Yield.now();
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> bar(PrintWriter out) {
        long mytid = Yield.now(Sys.tid());
        for (int i = 0; i < 10; i++) {
            out.println("I'm bar " + mytid);
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
