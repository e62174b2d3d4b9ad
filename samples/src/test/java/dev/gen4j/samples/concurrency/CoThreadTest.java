package dev.gen4j.samples.concurrency;

import static dev.gen4j.samples.coroutines.Coroutine.coroutine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gen4j.Gen;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CoThreadTest {
    @Test
    void printsWhatCothreadPyPrints() {
        CommandRun run = CommandRun.run(new CoThread());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Expected.output("cothread.txt"), run.out());
    }

    /** Records each item with the thread that received it, and the close. */
    @Generator
    static Gen<Void> recorder(List<String> log) {
        try {
            while (true) {
                Object item = Yield.now();
                log.add(item + " on " + Thread.currentThread().getName());
            }
        } catch (GeneratorExit e) {
            log.add("closed on " + Thread.currentThread().getName());
        }
        return Gen.done();
    }

    @Test
    void theTargetRunsInItsOwnThreadAndIsClosedThere() throws InterruptedException {
        List<String> log = new CopyOnWriteArrayList<>();
        Gen<Void> threaded = coroutine(CoThread.threaded(coroutine(recorder(log))));
        threaded.send("a");
        threaded.send("b");
        threaded.close();
        assertEquals(List.of("a on threaded-target", "b on threaded-target", "closed on threaded-target"), log);
        assertNotEquals("threaded-target", Thread.currentThread().getName());
    }
}
