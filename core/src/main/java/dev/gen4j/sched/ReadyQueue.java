package dev.gen4j.sched;

/**
 * The tasks ready to run, first come first served: a ring of references that grows by doubling.
 * Unlike a {@link WaitQueue}, nothing is ever taken out of the middle (a killed task is left in
 * and skipped), so a plain array serves: adding and taking are one store and one load each, and
 * the tasks to run next are read from consecutive slots instead of by following links.
 */
final class ReadyQueue {
    private static final int MIN_CAPACITY = 16;

    private Task[] ring = new Task[MIN_CAPACITY];
    /** Where the first task is; the next added goes to {@code (head + size) & mask}. */
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Task task) {
        Task[] r = ring;
        if (size == r.length) {
            r = grow();
        }
        r[(head + size) & (r.length - 1)] = task;
        size++;
    }

    /** Takes the task that came first; the queue must not be empty. */
    Task poll() {
        Task[] r = ring;
        int h = head;
        Task task = r[h];
        r[h] = null;
        head = (h + 1) & (r.length - 1);
        if (--size == 0 && r.length > MIN_CAPACITY) {
            // A burst of a million spawns does not keep its ring for good.
            ring = new Task[MIN_CAPACITY];
            head = 0;
        }
        return task;
    }

    /** Forgets every task. */
    void clear() {
        ring = new Task[MIN_CAPACITY];
        head = 0;
        size = 0;
    }

    private Task[] grow() {
        Task[] old = ring;
        Task[] bigger = new Task[old.length * 2];
        int firstPart = old.length - head;
        System.arraycopy(old, head, bigger, 0, firstPart);
        System.arraycopy(old, 0, bigger, firstPart, head);
        ring = bigger;
        head = 0;
        return bigger;
    }
}
