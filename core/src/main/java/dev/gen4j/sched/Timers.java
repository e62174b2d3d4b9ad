package dev.gen4j.sched;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** Sleeping tasks, earliest deadline first; equal deadlines in the order they were set. */
final class Timers {
    /** Longest sleep kept exactly (about 73 years): deadlines stay comparable by subtraction. */
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;

    private record Timer(long deadline, long order, Task task) {
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> {
        long byDeadline = a.deadline - b.deadline;
        return byDeadline != 0 ? Long.signum(byDeadline) : Long.compare(a.order, b.order);
    });
    private long lastOrder;

    void add(Task task, Duration duration, long now) {
        queue.add(new Timer(now + clamp(duration), ++lastOrder, task));
    }

    /** Nanoseconds until the earliest deadline (0 if due), or {@code Long.MAX_VALUE} if none. */
    long nanosToNext(long now) {
        Timer first = queue.peek();
        return first == null ? Long.MAX_VALUE : Math.max(0, first.deadline - now);
    }

    /** Hands every task whose deadline has come, in deadline order, to {@code wake}. */
    void fireDue(long now, Consumer<Task> wake) {
        while (!queue.isEmpty() && queue.peek().deadline - now <= 0) {
            wake.accept(queue.poll().task);
        }
    }

    void clear() {
        queue.clear();
    }

    private static long clamp(Duration duration) {
        try {
            return Math.min(duration.toNanos(), MAX_NANOS);
        } catch (ArithmeticException tooLong) {
            return MAX_NANOS;
        }
    }
}
