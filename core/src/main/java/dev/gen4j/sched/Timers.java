package dev.gen4j.sched;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Sleeping tasks, earliest deadline first; equal deadlines in the order they were set. A heap
 * whose entries know their place in it, so that a killed sleeper leaves at once (O(log n))
 * rather than at its deadline.
 *
 * <p>Four children a node, and the deadlines kept in an array of their own in heap order: taking
 * the first of 100,000 sleepers compares deadlines next to each other in memory, at 9 levels,
 * instead of loading two timer objects scattered over the heap at each of 17 levels (which made
 * waking the sleepers slower than they came due).
 */
final class Timers {
    /** Longest sleep kept exactly (about 73 years): deadlines stay comparable by subtraction. */
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;
    private static final int ARITY = 4;

    /**
     * One sleep: the sleeping task's {@link Task#waitingOn}, which knows where the sleep is in the
     * heap, so that a kill takes it out.
     */
    static final class Timer {
        /** Where it is in the heap; -1 once it has fired or was cancelled. */
        int index;
    }

    private Timer[] timers = new Timer[16];
    /**
     * {@code sleepers[i]} sleeps with {@code timers[i]}: waking the first sleeper reads it here,
     * not from its timer, so that the two do not miss the cache one after the other.
     */
    private Task[] sleepers = new Task[16];
    /** {@code deadlines[i]} and {@code orders[i]} belong to {@code timers[i]} too. */
    private long[] deadlines = new long[16];
    private long[] orders = new long[16];
    private int size;
    private long lastOrder;

    void add(Task task, Duration duration, long now) {
        Timer timer = new Timer();
        task.waitingOn = timer;
        if (size == timers.length) {
            timers = Arrays.copyOf(timers, size * 2);
            sleepers = Arrays.copyOf(sleepers, size * 2);
            deadlines = Arrays.copyOf(deadlines, size * 2);
            orders = Arrays.copyOf(orders, size * 2);
        }
        siftUp(timer, task, now + clamp(duration), ++lastOrder, size++);
    }

    /** Takes out the timer of a task that no longer sleeps. */
    void cancel(Timer timer) {
        int i = timer.index;
        if (i < 0) {
            return;
        }
        timer.index = -1;
        int last = --size;
        Timer moved = timers[last];
        Task movedTask = sleepers[last];
        long deadline = deadlines[last];
        long order = orders[last];
        timers[last] = null;
        sleepers[last] = null;
        if (moved != timer) {
            if (i > 0 && before(deadline, order, (i - 1) / ARITY)) {
                siftUp(moved, movedTask, deadline, order, i);
            } else {
                siftDown(moved, movedTask, deadline, order, i);
            }
        }
    }

    /** Nanoseconds until the earliest deadline (0 if due), or {@code Long.MAX_VALUE} if none. */
    long nanosToNext(long now) {
        return size == 0 ? Long.MAX_VALUE : Math.max(0, deadlines[0] - now);
    }

    /** Hands every task whose deadline has come, in deadline order, to {@code wake}. */
    void fireDue(long now, Consumer<Task> wake) {
        while (size > 0 && deadlines[0] - now <= 0) {
            Task task = sleepers[0];
            cancel(timers[0]);
            wake.accept(task);
        }
    }

    int size() {
        return size;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            timers[i].index = -1;
            timers[i] = null;
            sleepers[i] = null;
        }
        size = 0;
    }

    /** Whether a timer due at {@code deadline}, set as {@code order}, comes before the one at {@code i}. */
    private boolean before(long deadline, long order, int i) {
        long byDeadline = deadline - deadlines[i];
        return byDeadline != 0 ? byDeadline < 0 : order < orders[i];
    }

    /** Puts {@code timer} at {@code i} or above, moving down the timers it comes before. */
    private void siftUp(Timer timer, Task task, long deadline, long order, int i) {
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!before(deadline, order, parent)) {
                break;
            }
            place(timers[parent], sleepers[parent], deadlines[parent], orders[parent], i);
            i = parent;
        }
        place(timer, task, deadline, order, i);
    }

    /** Puts {@code timer} at {@code i} or below, moving up the children that come before it. */
    private void siftDown(Timer timer, Task task, long deadline, long order, int i) {
        for (int child; (child = ARITY * i + 1) < size; ) {
            int first = child;
            int end = Math.min(child + ARITY, size);
            for (int c = child + 1; c < end; c++) {
                if (before(c, first)) {
                    first = c;
                }
            }
            // It comes before its earliest child, so it stays here (no two timers share an order).
            if (before(deadline, order, first)) {
                break;
            }
            place(timers[first], sleepers[first], deadlines[first], orders[first], i);
            i = first;
        }
        place(timer, task, deadline, order, i);
    }

    /** Whether the timer at {@code i} comes before the one at {@code j} (orders read on a tie only). */
    private boolean before(int i, int j) {
        long byDeadline = deadlines[i] - deadlines[j];
        return byDeadline != 0 ? byDeadline < 0 : orders[i] < orders[j];
    }

    private void place(Timer timer, Task task, long deadline, long order, int i) {
        timers[i] = timer;
        sleepers[i] = task;
        deadlines[i] = deadline;
        orders[i] = order;
        timer.index = i;
    }

    private static long clamp(Duration duration) {
        try {
            return Math.min(duration.toNanos(), MAX_NANOS);
        } catch (ArithmeticException tooLong) {
            return MAX_NANOS;
        }
    }
}
