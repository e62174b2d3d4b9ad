package dev.gen4j.sched;

/**
 * Tasks waiting for the same thing, first come first served, linked through the tasks
 * themselves: adding, removing any one and taking the first cost O(1) and allocate nothing. A
 * task is in at most one queue at a time, since it waits for one thing at a time. Not final: a
 * channel's {@link IoWaits.Registration} is the queue of its readers.
 */
class WaitQueue {
    private Task head;
    private Task tail;

    boolean isEmpty() {
        return head == null;
    }

    void add(Task task) {
        task.queue = this;
        task.prev = tail;
        task.next = null;
        if (tail == null) {
            head = task;
        } else {
            tail.next = task;
        }
        tail = task;
    }

    /** Takes the task that came first, or {@code null} if none waits. */
    Task poll() {
        Task first = head;
        if (first != null) {
            remove(first);
        }
        return first;
    }

    /** Takes out {@code task}, which must be in this queue. */
    void remove(Task task) {
        Task before = task.prev;
        Task after = task.next;
        if (before == null) {
            head = after;
        } else {
            before.next = after;
        }
        if (after == null) {
            tail = before;
        } else {
            after.prev = before;
        }
        task.queue = null;
        task.prev = null;
        task.next = null;
    }
}
