package dev.gen4j.sched;

import dev.gen4j.Gen;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/** A generator run by a {@link Scheduler}, with what it will be resumed with and who waits for it. */
final class Task {
    private final long id;
    private final Gen<?> gen;
    private Object sendValue;
    private Throwable throwValue;
    private boolean ended;
    /** The channel it waits on, so that killing it can withdraw the wait. */
    private SelectionKey ioKey;
    private List<Task> joiners = List.of();

    Task(long id, Gen<?> gen) {
        this.id = id;
        this.gen = gen;
    }

    long id() {
        return id;
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
    }

    /** What the next {@link #step()} throws at the pending yield. */
    void resumeThrowing(Throwable failure) {
        sendValue = null;
        throwValue = failure;
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

    SelectionKey ioKey() {
        return ioKey;
    }

    void ioKey(SelectionKey key) {
        ioKey = key;
    }

    void addJoiner(Task joiner) {
        if (joiners.isEmpty()) {
            joiners = new ArrayList<>(1);
        }
        joiners.add(joiner);
    }

    /** The tasks still alive that wait for this one to end. */
    List<Task> liveJoiners() {
        return joiners.stream().filter(Task::isAlive).toList();
    }

    @Override
    public String toString() {
        return "task " + id + " (" + gen + ")";
    }
}
