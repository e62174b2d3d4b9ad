package dev.gen4j.sched;

/**
 * Tasks in line, first come first served: the ready tasks, or those waiting for the same
 * thing. A ring linked through the tasks themselves, closed by the queue object: adding,
 * taking the first and taking out any one ({@link Link#unlink}) cost O(1) and allocate nothing.
 * A task is in at most one queue at a time, since it is ready or waits for one thing. Not
 * final: a channel's {@link IoWaits.Registration} is the queue of its readers.
 */
class WaitQueue extends Link {
    WaitQueue() {
        prev = this;
        next = this;
    }

    boolean isEmpty() {
        return next == this;
    }

    void add(Task task) {
        Link last = prev;
        task.prev = last;
        task.next = this;
        last.next = task;
        prev = task;
    }

    /** Takes the task that came first, or {@code null} if none is in line. */
    Task poll() {
        Link first = next;
        if (first == this) {
            return null;
        }
        first.unlink();
        return (Task) first;
    }
}
