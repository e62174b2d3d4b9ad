package dev.gen4j.sched;

import dev.gen4j.Gen;

/**
 * A generator run by a {@link Scheduler}, with what it will be resumed with and what it waits
 * for. Kept small (40 bytes): a million suspended tasks are a million of these. The tasks joining
 * it are kept by the scheduler, since few tasks are ever joined.
 */
final class Task extends Link {
    /** {@link #waitingOn} of a task that has ended. */
    private static final Object ENDED = new Object();

    private final long id;
    private final Gen<?> gen;
    /**
     * What the next {@link #step()} sends in, or a {@link Raise} to throw in; while it waits to
     * put into a {@link Mailbox}, the message it carries.
     */
    private Object resumeValue;
    /**
     * What it waits for, so that killing it can withdraw the wait at once: an {@link
     * IoWaits.Registration}, a {@link Timers.Timer}, a {@link FutureWaits.Wait}, a {@link
     * Mailbox} or the task it joins; {@code null} while it runs or is ready; {@link #ENDED} once
     * it has ended.
     */
    Object waitingOn;

    /** A failure to throw in at the pending yield; only this class makes them. */
    private static final class Raise {
        final Throwable failure;

        Raise(Throwable failure) {
            this.failure = failure;
        }
    }

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
        return waitingOn != ENDED;
    }

    /** Marks it ended, and returns what it was waiting for ({@code null} if nothing). */
    Object markEnded() {
        Object on = waitingOn;
        waitingOn = ENDED;
        resumeValue = null;
        return on == ENDED ? null : on;
    }

    /** What the next {@link #step()} sends in as the value of the pending yield. */
    void resumeWith(Object value) {
        resumeValue = value;
        waitingOn = null;
    }

    /** What the next {@link #step()} throws at the pending yield. */
    void resumeThrowing(Throwable failure) {
        resumeValue = new Raise(failure);
        waitingOn = null;
    }

    /**
     * Keeps {@code message} while it waits to put it into a {@link Mailbox}: in the field of the
     * value it will be resumed with, unused while it waits, which resuming it overwrites.
     */
    void carry(Object message) {
        resumeValue = message;
    }

    /** The message it carries, no longer kept. */
    Object dropCarried() {
        Object message = resumeValue;
        resumeValue = null;
        return message;
    }

    /** Runs the generator to its next yield and returns the value yielded: the task's request. */
    Object step() {
        Object value = resumeValue;
        if (value != null) {
            resumeValue = null;
        }
        if (gen.isDone()) {
            return null;
        }
        // send() starts a new generator too, and resumes a suspended one on its fast path.
        return value instanceof Raise r ? gen.raise(r.failure) : gen.send(value);
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

    @Override
    public String toString() {
        return "task " + id + " (" + gen + ")";
    }
}
