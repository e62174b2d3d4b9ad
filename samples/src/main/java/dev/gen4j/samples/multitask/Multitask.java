package dev.gen4j.samples.multitask;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Generators as tasks: three of them take turns on one scheduler (seed: multitask.py). */
@Command(name = "multitask", mixinStandardHelpOptions = true,
        description = "Runs countdown(10), countdown(5) and countup(20) as tasks that take turns at each yield.")
public final class Multitask implements Callable<Integer> {
    @Generator
    static Gen<Void> countdown(int n) {
        while (n > 0) {
            System.out.println("T-minus " + n);
            Yield.now();
            n--;
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> countup(int n) {
        int x = 0;
        while (x < n) {
            System.out.println("Up we go " + x);
            Yield.now();
            x++;
        }
        return Gen.done();
    }

    /** Runs {@code task}, then says it is done, as the seed's scheduler does. */
    @Generator
    static Gen<Void> reportingDone(Gen<?> task) {
        Yield.from(task);
        System.out.println("Task done");
        return Gen.done();
    }

    @Override
    public Integer call() {
        try (Scheduler scheduler = new Scheduler()) {
            scheduler.spawn(reportingDone(countdown(10)));
            scheduler.spawn(reportingDone(countdown(5)));
            scheduler.spawn(reportingDone(countup(20)));
            scheduler.run();
        }
        return 0;
    }
}
