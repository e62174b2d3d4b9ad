package dev.gen4j.sched;

import dev.gen4j.Gen;
import java.time.Duration;
import java.util.Objects;

/**
 * System calls: a task yields one and is resumed with its answer, as in
 * {@code long me = Yield.now(Sys.tid());}. {@link Mailbox#put} and {@link Mailbox#take} are
 * system calls too.
 */
public abstract class Sys {
    private static final Sys TID = new Sys() {
        @Override
        void handle(Scheduler scheduler, Task task) {
            scheduler.resume(task, task.id());
        }

        @Override
        public String toString() {
            return "Sys.tid()";
        }
    };

    /** For the calls of this package; each overrides {@link #handle} and {@link #toString}. */
    Sys() {
    }

    /**
     * Answers the calling task's own id ({@code Long}).
     *
     * @return the call to yield: {@code long me = Yield.now(Sys.tid());}
     */
    public static Sys tid() {
        return TID;
    }

    /**
     * Starts {@code gen} as a new task and answers its id ({@code Long}). The caller resumes
     * before the new task first runs, so it can always {@link #join} or {@link #kill} it.
     *
     * @param gen the new task's generator, not started
     * @return the call to yield: {@code long id = Yield.now(Sys.spawn(gen));}
     */
    public static Sys spawn(Gen<?> gen) {
        return new Spawn(Objects.requireNonNull(gen, "gen"));
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
        return new Kill(id);
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
        return new Join(id);
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
        return new Sleep(duration);
    }

    /** Acts on the call of {@code task}, which is resumed (or made to wait) by the scheduler. */
    abstract void handle(Scheduler scheduler, Task task);

    // Each call keeps only its argument: the text of toString() is made when asked for, not per call.

    private static final class Spawn extends Sys {
        private final Gen<?> gen;

        Spawn(Gen<?> gen) {
            this.gen = gen;
        }

        @Override
        void handle(Scheduler scheduler, Task task) {
            scheduler.spawnFrom(task, gen);
        }

        @Override
        public String toString() {
            return "Sys.spawn(" + gen + ")";
        }
    }

    private static final class Kill extends Sys {
        private final long id;

        Kill(long id) {
            this.id = id;
        }

        @Override
        void handle(Scheduler scheduler, Task task) {
            scheduler.kill(task, id);
        }

        @Override
        public String toString() {
            return "Sys.kill(" + id + ")";
        }
    }

    private static final class Join extends Sys {
        private final long id;

        Join(long id) {
            this.id = id;
        }

        @Override
        void handle(Scheduler scheduler, Task task) {
            scheduler.join(task, id);
        }

        @Override
        public String toString() {
            return "Sys.join(" + id + ")";
        }
    }

    private static final class Sleep extends Sys {
        private final Duration duration;

        Sleep(Duration duration) {
            this.duration = duration;
        }

        @Override
        void handle(Scheduler scheduler, Task task) {
            scheduler.sleep(task, duration);
        }

        @Override
        public String toString() {
            return "Sys.sleep(" + duration + ")";
        }
    }
}
