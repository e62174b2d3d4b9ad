package dev.gen4j.sched;

import dev.gen4j.Gen;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * System calls: a task yields one and is resumed with its answer, as in
 * {@code long me = Yield.now(Sys.tid());}. {@link Mailbox#put} and {@link Mailbox#take} are
 * system calls too.
 */
public class Sys {
    private final String name;
    private final BiConsumer<Scheduler, Task> handler;

    private Sys(String name, BiConsumer<Scheduler, Task> handler) {
        this.name = name;
        this.handler = handler;
    }

    /** For the calls of this package that override {@link #handle} and {@link #toString}. */
    Sys() {
        this(null, null);
    }

    /**
     * Answers the calling task's own id ({@code Long}).
     *
     * @return the call to yield: {@code long me = Yield.now(Sys.tid());}
     */
    public static Sys tid() {
        return new Sys("tid()", (scheduler, task) -> scheduler.resume(task, task.id()));
    }

    /**
     * Starts {@code gen} as a new task and answers its id ({@code Long}). The caller resumes
     * before the new task first runs, so it can always {@link #join} or {@link #kill} it.
     *
     * @param gen the new task's generator, not started
     * @return the call to yield: {@code long id = Yield.now(Sys.spawn(gen));}
     */
    public static Sys spawn(Gen<?> gen) {
        Objects.requireNonNull(gen, "gen");
        return new Sys("spawn(" + gen + ")", (scheduler, task) -> scheduler.spawnFrom(task, gen));
    }

    /**
     * Kills task {@code id}: closes its generator, so its {@code finally} blocks run now, and
     * throws {@code CancellationException} into the tasks joining it. Answers {@code true} if
     * the task existed ({@code Boolean}).
     *
     * @param id the id {@link #spawn} or {@link Scheduler#spawn} answered
     * @return the call to yield: {@code boolean killed = Yield.now(Sys.kill(id));}
     */
    public static Sys kill(long id) {
        return new Sys("kill(" + id + ")", (scheduler, task) -> scheduler.kill(task, id));
    }

    /**
     * Waits for task {@code id} to end and answers its result (the value it gave to
     * {@code Gen.done(value)}), or throws into the caller the exception the task ended with.
     * A task that has already ended is forgotten: joining it throws
     * {@code NoSuchElementException}.
     *
     * @param id the id {@link #spawn} or {@link Scheduler#spawn} answered
     * @return the call to yield: {@code Object result = Yield.now(Sys.join(id));}
     */
    public static Sys join(long id) {
        return new Sys("join(" + id + ")", (scheduler, task) -> scheduler.join(task, id));
    }

    /**
     * Resumes the caller (with {@code null}) once {@code duration} has passed. Tasks due at the
     * same time wake in the order they went to sleep.
     *
     * @param duration how long to sleep, at least; not negative
     * @return the call to yield: {@code Yield.now(Sys.sleep(Duration.ofMillis(100)));}
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static Sys sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot sleep for a negative duration: " + duration);
        }
        return new Sys("sleep(" + duration + ")", (scheduler, task) -> scheduler.sleep(task, duration));
    }

    void handle(Scheduler scheduler, Task task) {
        handler.accept(scheduler, task);
    }

    @Override
    public String toString() {
        return "Sys." + name;
    }
}
