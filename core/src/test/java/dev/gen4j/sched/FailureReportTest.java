package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** A task that fails is reported with its generator and the Yield.from chain the failure left. */
class FailureReportTest {
    @Generator
    static Gen<Void> failsBelow() {
        Yield.now();
        throw new IllegalStateException("deep in the task");
    }

    @Generator
    static Gen<Void> delegates(int[] line) {
        line[0] = new Throwable().getStackTrace()[0].getLineNumber(); Yield.from(failsBelow());
        return Gen.done();
    }

    @Test
    void theReportNamesTheTasksGeneratorAndItsTraceShowsTheYieldFromChain() {
        int[] line = new int[1];
        try (Scheduler s = new Scheduler()) {
            long id = s.spawn(delegates(line));
            List<LogRecord> records = SchedulerLog.logged(s);
            assertEquals(1, records.size());
            LogRecord record = records.get(0);
            String generator = FailureReportTest.class.getName() + ".delegates";
            assertTrue(record.getMessage().startsWith("task " + id + " (generator " + generator + " "),
                    record.getMessage());
            Throwable failure = record.getThrown();
            assertEquals("deep in the task", failure.getMessage());
            List<String> frames = new ArrayList<>();
            for (StackTraceElement e : failure.getStackTrace()) {
                if (e.getClassName().equals(FailureReportTest.class.getName())) {
                    frames.add(e.getMethodName() + ":" + e.getLineNumber());
                }
            }
            assertEquals("failsBelow", frames.get(0).split(":")[0], frames.toString());
            assertEquals("delegates:" + line[0], frames.get(1), frames.toString());
            assertSame(failure, record.getThrown());
        }
    }
}
