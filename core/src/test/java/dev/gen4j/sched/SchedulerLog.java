package dev.gen4j.sched;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Test support: what the scheduler logs on System.Logger (backed by java.util.logging here). */
final class SchedulerLog {
    private SchedulerLog() {
    }

    /** Runs {@code s} with a handler on the scheduler's logger; returns what it logged. */
    static List<LogRecord> logged(Scheduler s) {
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Logger jul = Logger.getLogger(Scheduler.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        jul.setUseParentHandlers(false);
        try {
            s.run();
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(true);
        }
        return records;
    }
}
