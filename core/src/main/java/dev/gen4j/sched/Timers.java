package dev.gen4j.sched;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Sleeping tasks, earliest deadline first; equal deadlines in the order they were set. A binary
 * heap whose entries know their place in it, so that a killed sleeper leaves at once (O(log n))
 * rather than at its deadline.
 */
final class Timers {
    /** Longest sleep kept exactly (about 73 years): deadlines stay comparable by subtraction. */
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;

    /** One sleep: the sleeping task's {@link Task#waitingOn}. */
    static final class Timer {
        final long deadline;
        final long order;
        Task task;
        int index;

        Timer(long deadline, long order, Task task) {
            this.deadline = deadline;
            this.order = order;
            this.task = task;
        }

        boolean before(Timer other) {
            long byDeadline = deadline - other.deadline;
            return byDeadline != 0 ? byDeadline < 0 : order < other.order;
        }
    }

    private Timer[] heap = new Timer[16];
    private int size;
    private long lastOrder;

    void add(Task task, Duration duration, long now) {
        Timer timer = new Timer(now + clamp(duration), ++lastOrder, task);
        task.waitingOn = timer;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        timer.index = size++;
        heap[timer.index] = timer;
        siftUp(timer);
    }

    /** Takes out the timer of a task that no longer sleeps. */
    void cancel(Timer timer) {
        int i = timer.index;
        if (i < 0) {
            return;
        }
        timer.index = -1;
        Timer last = heap[--size];
        heap[size] = null;
        timer.task = null;
        if (last != timer) {
            heap[i] = last;
            last.index = i;
            siftUp(last);
            siftDown(last);
        }
    }

    /** Nanoseconds until the earliest deadline (0 if due), or {@code Long.MAX_VALUE} if none. */
    long nanosToNext(long now) {
        return size == 0 ? Long.MAX_VALUE : Math.max(0, heap[0].deadline - now);
    }

    /** Hands every task whose deadline has come, in deadline order, to {@code wake}. */
    void fireDue(long now, Consumer<Task> wake) {
        while (size > 0 && heap[0].deadline - now <= 0) {
            Timer first = heap[0];
            Task task = first.task;
            cancel(first);
            wake.accept(task);
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    private void siftUp(Timer timer) {
        int i = timer.index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer above = heap[parent];
            if (!timer.before(above)) {
                break;
            }
            place(above, i);
            i = parent;
        }
        place(timer, i);
    }

    private void siftDown(Timer timer) {
        int i = timer.index;
        for (int child; (child = 2 * i + 1) < size; ) {
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            Timer below = heap[child];
            if (!below.before(timer)) {
                break;
            }
            place(below, i);
            i = child;
        }
        place(timer, i);
    }

    private void place(Timer timer, int i) {
        heap[i] = timer;
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
