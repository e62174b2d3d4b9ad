package dev.gen4j.sched;

/**
 * A place in a {@link WaitQueue}: a task, or the queue's own head, which closes the ring. A
 * task leaves its queue by itself, without knowing which queue it is in.
 */
abstract class Link {
    Link prev;
    Link next;

    /** Whether it is in a queue (a task only; a queue's head always is in its own ring). */
    final boolean isQueued() {
        return next != null;
    }

    /** Takes it out of the queue it is in. */
    final void unlink() {
        prev.next = next;
        next.prev = prev;
        prev = null;
        next = null;
    }
}
