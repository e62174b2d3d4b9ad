package dev.gen4j.sched;

import dev.gen4j.Gen;

/**
 * A generator run by a {@link Scheduler}, with what it will be resumed with, what it waits for
 * and who waits for it.
 */
final class Task {
    private final long id;
    private final Gen<?> gen;
    private Object sendValue;
    private Throwable throwValue;
    private boolean ended;
    /**
     * What it waits for, so that killing it can withdraw the wait at once: an {@link
     * IoWaits.Registration}, a {@link Timers.Timer}, a {@link FutureWaits.Wait}, a {@link
     * Mailbox} or the task it joins; {@code null} while it runs or is ready.
     */
    Object waitingOn;
    /** The queue of waiters it is in, and its neighbours there (see {@link WaitQueue}). */
    WaitQueue queue;
    Task prev;
    Task next;
    /** The tasks joining this one; created on the first join. */
    private WaitQueue joiners;

    Task(long id, Gen<?> gen) {
        this.id = id;
        this.gen = gen;
    }

    long id() {
        return id;
    }

    /** The generator it runs, for messages. */
    Gen<?> gen() {
        return gen;
    }

    /** Whether it has not ended yet; the scheduler skips the leftovers of an ended task's waits. */
    boolean isAlive() {
        return !ended;
    }

    void markEnded() {
        ended = true;
    }

    /** What the next {@link #step()} sends in as the value of the pending yield. */
    void resumeWith(Object value) {
        sendValue = value;
        throwValue = null;
        waitingOn = null;
    }

    /** What the next {@link #step()} throws at the pending yield. */
    void resumeThrowing(Throwable failure) {
        sendValue = null;
        throwValue = failure;
        waitingOn = null;
    }

    /**
     * Keeps {@code message} while it waits to put it into a {@link Mailbox}: in the field of the
     * value it will be resumed with, unused while it waits, which resuming it overwrites.
     */
    void carry(Object message) {
        sendValue = message;
        throwValue = null;
    }

    /** The message it carries, no longer kept. */
    Object dropCarried() {
        Object message = sendValue;
        sendValue = null;
        return message;
    }

    /** Runs the generator to its next yield and returns the value yielded: the task's request. */
    Object step() {
        Object value = sendValue;
        Throwable failure = throwValue;
        sendValue = null;
        throwValue = null;
        if (gen.isDone()) {
            return null;
        }
        return failure != null ? gen.raise(failure) : gen.send(value);
    }

    /** Whether the generator has returned (a generator that threw never gets here). */
    boolean isFinished() {
        return gen.isDone();
    }

    Object result() {
        return gen.result();
    }

    /** Closes the generator so its {@code finally} blocks run. */
    void close() {
        gen.close();
    }

    void addJoiner(Task joiner) {
        if (joiners == null) {
            joiners = new WaitQueue();
        }
        joiner.waitingOn = this;
        joiners.add(joiner);
    }

    /** Takes the next task joining this one, or {@code null}; a killed joiner has left already. */
    Task pollJoiner() {
        return joiners == null ? null : joiners.poll();
    }

    boolean hasJoiners() {
        return joiners != null && !joiners.isEmpty();
    }

    @Override
    public String toString() {
        return "task " + id + " (" + gen + ")";
    }
}
