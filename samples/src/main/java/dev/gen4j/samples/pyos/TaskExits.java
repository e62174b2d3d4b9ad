package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.PrintWriter;

/**
 * The message of the seed scheduler's {@code exit()}: "Task N terminated" when a task's generator
 * ends, by returning or by being killed. gen4j's {@link Scheduler} prints nothing, so the pyos
 * samples start their tasks through this class, which wraps each one.
 */
final class TaskExits {
    private final PrintWriter out;
    private boolean runOver;

    TaskExits(PrintWriter out) {
        this.out = out;
    }

    /** The seed's {@code sched.new(target)}: a task started before the run. */
    long spawn(Scheduler scheduler, Gen<?> target) {
        Reported task = new Reported();
        task.tid = scheduler.spawn(task.run(target));
        return task.tid;
    }

    /**
     * The seed's {@code NewTask(target)}, used from a task as
     * {@code long child = Yield.from(exits.newTask(foo()));}. Result: the new task's id.
     */
    @Generator
    Gen<Long> newTask(Gen<?> target) {
        Reported task = new Reported();
        task.tid = Yield.now(Sys.spawn(task.run(target)));
        // gen4j gives the caller its turn before the new task's first one; pyos does the
        // opposite. Giving up this turn restores the seed's order, and so its output.
        Yield.now();
        return Gen.done(task.tid);
    }

    /**
     * The run is over: the tasks the scheduler closes from now on are not reported, as the
     * seed's tasks are not when its program is stopped.
     */
    void runOver() {
        runOver = true;
    }

    /** One task, which knows its id to report its end. */
    private final class Reported {
        long tid;

        @Generator
        Gen<Object> run(Gen<?> target) {
            Object result;
            try {
                result = Yield.from(target);
            } catch (GeneratorExit killed) {
                // pyos's KillTask closes the generator, which then ends like any other.
                terminated();
                throw killed;
            }
            terminated();
            return Gen.done(result);
        }

        private void terminated() {
            if (!runOver) {
                out.println("Task " + tid + " terminated");
            }
        }
    }
}
