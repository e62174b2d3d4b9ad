package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.PrintWriter;

/**
 * pyos1.py, step 1: a task is a generator with an id, run until its next yield. gen4j's
 * Scheduler keeps tasks like this one inside; here one is run by hand.
 */
final class Step1Tasks {
    private Step1Tasks() {
    }

    /** A running task: the generator, its id, and the value to send in on the next run. */
    static final class Task {
        private static long lastId;

        final long tid = ++lastId;
        final Gen<?> target;
        Object sendval;

        Task(Gen<?> target) {
            this.target = target;
        }

        /** Runs the task until it hits the next yield. */
        Object run() {
            return target.send(sendval);
        }
    }

    @Generator
    static Gen<Void> foo(PrintWriter out) {
        out.println("Part 1");
        Yield.now();
        out.println("Part 2");
        Yield.now();
        return Gen.done();
    }

    static void run(PrintWriter out) {
        Task t1 = new Task(foo(out));
        out.println("Running foo()");
        t1.run();
        out.println("Resuming foo()");
        t1.run();
        // One more t1.run() and the generator would end: send() returns null, isDone() is true.
    }
}
