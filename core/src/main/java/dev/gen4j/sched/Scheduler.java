package dev.gen4j.sched;

import dev.gen4j.Gen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs generators as tasks, in turn, on the thread that calls {@link #run()}.
 *
 * <pre>{@code
 * try (Scheduler s = new Scheduler()) {
 *     s.spawn(countdown(10));
 *     s.spawn(countup(20));
 *     s.run();              // returns when no task is left
 * }
 * }</pre>
 *
 * <p>What a task yields says what it waits for:
 * <ul>
 * <li>{@link Io#readable}, {@link Io#writable}: a channel; resumed with {@code null} when ready;
 * <li>a {@link Sys} call: resumed with its answer;
 * <li>a {@link CompletionStage} or {@link Future}: resumed with its value, or its exception
 *     thrown in, when it completes on whatever thread;
 * <li>{@link Mailbox#put} / {@link Mailbox#take}: resumed once the message is in / out;
 * <li>a {@link Gen}: an {@link IllegalArgumentException} thrown in, saying to use
 *     {@code Yield.from} (or {@link Sys#spawn});
 * <li>anything else: only its turn; it goes to the back of the ready queue and is resumed with
 *     {@code null}.
 * </ul>
 *
 * <p>Each pass of the loop gives one turn to every task that was ready when the pass began, then
 * collects I/O readiness, due timers and completions from other threads. When no task is ready
 * the thread blocks in one {@link java.nio.channels.Selector} until one of those happens: an
 * idle scheduler uses no CPU. While tasks are ready and no channel is waited on, a pass makes
 * no system call at all.
 *
 * <p>A channel closed by anyone, from any thread, wakes the tasks waiting on it with {@link
 * java.nio.channels.ClosedChannelException} thrown in: closed by a task, at the next pass; from
 * another thread while the loop is blocked, within 1 to 100 ms (nothing wakes a selector when a
 * channel closes, so while tasks wait on channels a blocking select is bounded: 1 ms after tasks
 * ran, doubling while nothing happens). A channel no task has waited on for a whole pass is
 * deregistered, and every idle one when {@code run()} returns, so it can be made blocking again.
 * A killed task lets go at once of everything the scheduler held for it: its timer, its callback
 * on a future (a thread blocked on a plain {@code Future} for it is let go), its place among the
 * waiters of a channel, a mailbox or a task it joins.
 *
 * <p>A task that throws is removed, and the exception goes to the tasks {@linkplain Sys#join
 * joining} it; if none does, it is reported on the {@link System.Logger} named after this class.
 * The other tasks go on. Nothing is printed on standard output. A task that does not yield holds
 * up every other; {@link #warnSlowTurns} (or the system property {@value #SLOW_TURN_PROPERTY})
 * reports such turns.
 *
 * <p>Not thread-safe, except {@link #stop()}: create, spawn, run and close on one thread.
 */
public final class Scheduler implements AutoCloseable {
    /** The system property that turns slow-turn warnings on: a threshold in milliseconds. */
    public static final String SLOW_TURN_PROPERTY = "gen4j.sched.slowTurnMillis";

    private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());

    private final TaskTable tasks = new TaskTable();
    /** The tasks to run; an ended task may be left in it, and is skipped. */
    private final ReadyQueue ready = new ReadyQueue();
    /** The tasks joining a task, for the few tasks anyone joins. */
    private final Map<Task, WaitQueue> joiners = new HashMap<>();
    /** What {@link #takeJoiners} gives for a task nobody joins: always empty. */
    private static final WaitQueue NO_JOINERS = new WaitQueue();
    private final IoWaits io;
    private final Timers timers = new Timers();
    /** What wakes a sleeper: one callback for every pass, not a new one each time. */
    private final Consumer<Task> wakeSleeper = this::makeReady;
    private final FutureWaits futures;
    /** Turns longer than this are reported; 0: not measured at all. */
    private long slowTurnNanos = slowTurnNanosFromProperty();
    /** Callbacks from other threads for the loop to run: futures completed there. */
    private final Queue<Runnable> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private long lastId;
    /** How many times the loop has polled or waited on the selector (for tests). */
    private long selectorCalls;
    private volatile boolean stopRequested;
    private volatile Thread runner;
    private boolean closed;

    /**
     * A scheduler with no tasks, its selector open.
     *
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public Scheduler() {
        try {
            io = new IoWaits(this::makeReady, this::throwInto);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        futures = new FutureWaits(this::runOnLoop, this::complete);
    }

    /**
     * Reports, as a warning on the {@link System.Logger} named after this class, every turn that
     * runs longer than {@code threshold} without yielding (naming the task and its generator):
     * while one task runs, no other does. {@code null} or zero turns it off, which is the
     * default unless the system property {@value #SLOW_TURN_PROPERTY} gives a threshold in
     * milliseconds. Off, turns are not even timed.
     *
     * @param threshold the longest turn that is not reported; {@code null} or zero for none
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    public void warnSlowTurns(Duration threshold) {
        if (threshold != null && threshold.isNegative()) {
            throw new IllegalArgumentException("a slow-turn threshold cannot be negative: " + threshold);
        }
        slowTurnNanos = threshold == null ? 0 : Math.max(0, saturatedNanos(threshold));
    }

    /**
     * Adds {@code gen} as a new task at the back of the ready queue and returns its id. A task of
     * this scheduler may call it too, and keeps its turn (as the seed's {@code tasks.append}):
     * an acceptor starts a handler for every waiting connection in one turn. Yielding {@link
     * Sys#spawn} instead gives the turn away.
     *
     * @param gen the task's generator, not started
     * @return the task's id, for {@link Sys#join} and {@link Sys#kill}
     */
    public long spawn(Gen<?> gen) {
        Objects.requireNonNull(gen, "gen");
        requireOpen();
        Thread owner = runner;
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException("spawn() called on " + Thread.currentThread().getName()
                    + " while run() is active on " + owner.getName()
                    + ": spawn from a task with Sys.spawn, or before run()");
        }
        Task task = register(gen);
        ready.add(task);
        return task.id();
    }

    /**
     * Runs the tasks until none is left, or until {@link #stop()} is called. The tasks that are
     * left then stay, and another {@code run()} goes on with them.
     *
     * @throws UncheckedIOException if the selector fails
     */
    public void run() {
        requireOpen();
        claimThread();
        try {
            while (!stopRequested && !tasks.isEmpty()) {
                boolean ran = runReadyTasks();
                if (!stopRequested && !tasks.isEmpty()) {
                    collectEvents(ran);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector failed", e);
        } finally {
            stopRequested = false;
            runner = null;
            io.releaseIdle();
        }
    }

    /**
     * Makes {@link #run()} return soon: after the current task's turn, or at once if it is
     * waiting. Safe from any thread, and from a task. If {@code run()} is not active, the next
     * one returns at once.
     */
    public void stop() {
        stopRequested = true;
        io.wakeup();
    }

    /**
     * Closes every task that is left, in the order they were spawned, so that their
     * {@code finally} blocks run; then releases the selector. Call it when {@link #run()} has
     * returned.
     *
     * @throws IllegalStateException if {@code run()} is active
     */
    @Override
    public void close() {
        if (runner != null) {
            throw new IllegalStateException("close() called while run() is active: stop() it and let run() return first");
        }
        if (closed) {
            return;
        }
        closed = true;
        for (Task task : tasks.inSpawnOrder()) {
            retire(task);
            try {
                task.close();
            } catch (Throwable failure) {
                report(task, failure);
            }
        }
        ready.clear();
        joiners.clear();
        timers.clear();
        fromOtherThreads.clear();
        futures.close();
        try {
            io.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close the selector", e);
        }
    }

    // ---- The loop -----------------------------------------------------------------------

    /**
     * One turn for each task ready now; tasks made ready meanwhile wait for the next pass.
     * Returns whether any task ran.
     */
    private boolean runReadyTasks() {
        boolean ran = false;
        for (int n = ready.size(); n > 0 && !stopRequested; n--) {
            Task task = ready.poll();
            if (task.isAlive()) {
                ran = true;
                step(task);
            }
        }
        return ran;
    }

    /**
     * Collects what happened: ready channels, closed channels, completions from other threads,
     * due timers. Blocks only if no task is ready, and then at most until the next timer is due.
     */
    private void collectEvents(boolean tasksRan) throws IOException {
        long timeout = ready.isEmpty() ? timers.nanosToNext(System.nanoTime()) : 0;
        // With tasks ready and no channel registered, a poll of the selector could only report
        // nothing, at the price of a system call per pass.
        if (timeout != 0 || io.hasRegistrations()) {
            selectorCalls++;
            io.select(timeout, tasksRan);
        }
        for (Runnable callback; (callback = fromOtherThreads.poll()) != null; ) {
            callback.run();
        }
        if (timers.size() > 0) {
            timers.fireDue(System.nanoTime(), wakeSleeper);
        }
    }

    /**
     * Runs the task to its next yield, then acts on what it yielded. Kept small enough to be
     * inlined in the loop: a plain turn ends here; any other request goes to {@link #act}.
     */
    private void step(Task task) {
        Object request;
        try {
            request = slowTurnNanos == 0 ? task.step() : timedStep(task);
        } catch (Throwable failure) {
            fail(task, failure);
            return;
        }
        if (request == null && !task.isFinished()) {
            ready.add(task); // only its turn: still alive, and resumed with null
        } else {
            act(task, request);
        }
    }

    private Object timedStep(Task task) {
        long start = System.nanoTime();
        try {
            return task.step();
        } finally {
            reportIfSlow(task, System.nanoTime() - start);
        }
    }

    /** What the task's yield asks for, or its end. */
    private void act(Task task, Object request) {
        if (task.isFinished()) {
            finish(task, task.result());
        } else if (request instanceof Io wait) {
            awaitIo(task, wait);
        } else if (request instanceof Sys call) {
            call.handle(this, task);
        } else if (request instanceof CompletionStage<?> stage) {
            futures.await(task, stage);
        } else if (request instanceof Future<?> future) {
            futures.await(task, future);
        } else if (request instanceof Gen<?> gen) {
            throwInto(task, new IllegalArgumentException("task " + task.id() + " yielded " + gen
                    + " itself: to run it inside the task write Yield.from(gen), to run it as a task of its own yield Sys.spawn(gen)"));
        } else {
            resume(task, null);
        }
    }

    private void reportIfSlow(Task task, long nanos) {
        if (nanos > slowTurnNanos) {
            LOG.log(Level.WARNING, () -> String.format(
                    "task %d (%s) ran %.1f ms in one turn without yielding (threshold %.1f ms): no other task ran meanwhile",
                    task.id(), task.gen(), nanos / 1e6, slowTurnNanos / 1e6));
        }
    }

    private static long slowTurnNanosFromProperty() {
        String millis = System.getProperty(SLOW_TURN_PROPERTY);
        if (millis == null || millis.isBlank()) {
            return 0;
        }
        try {
            long ms = Long.parseLong(millis.strip());
            return ms <= 0 ? 0 : saturatedNanos(Duration.ofMillis(ms));
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, () -> SLOW_TURN_PROPERTY + "=" + millis
                    + " is not a whole number of milliseconds: slow-turn warnings stay off");
            return 0;
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private void awaitIo(Task task, Io wait) {
        try {
            io.await(task, wait);
        } catch (IOException | RuntimeException cannotWait) {
            throwInto(task, cannotWait);
        }
    }

    private void complete(Task task, Object value, Throwable failure) {
        if (failure != null) {
            throwInto(task, failure);
        } else {
            resume(task, value);
        }
    }

    /** From any thread: runs {@code callback} on the loop's thread, now if this is it. */
    private void runOnLoop(Runnable callback) {
        if (Thread.currentThread() == runner) {
            callback.run();
        } else {
            fromOtherThreads.add(callback);
            io.wakeup();
        }
    }

    // ---- Resuming and ending tasks ------------------------------------------------------

    /** Puts the task at the back of the ready queue, to be resumed with {@code value}. */
    void resume(Task task, Object value) {
        if (task.isAlive()) {
            task.resumeWith(value);
            ready.add(task);
        }
    }

    /** Puts the task at the back of the ready queue, to have {@code failure} thrown in. */
    void throwInto(Task task, Throwable failure) {
        if (task.isAlive()) {
            task.resumeThrowing(failure);
            ready.add(task);
        }
    }

    private void makeReady(Task task) {
        resume(task, null);
    }

    private Task register(Gen<?> gen) {
        Task task = new Task(++lastId, gen);
        tasks.add(task);
        return task;
    }

    /** Removes the task, and withdraws what it waits for: nothing in the scheduler keeps it. */
    private void retire(Task task) {
        Object on = task.markEnded();
        tasks.remove(task);
        if (on == null) {
            return;
        }
        if (on instanceof IoWaits.Registration channel) {
            io.withdraw(task, channel);
        } else if (on instanceof Timers.Timer timer) {
            timers.cancel(timer);
        } else if (on instanceof FutureWaits.Wait wait) {
            wait.cancel();
        } else if (on instanceof Mailbox<?> box) {
            box.withdraw(task);
        } else if (on instanceof Task && task.isQueued()) {
            task.unlink(); // joining a task
        }
    }

    /** Takes the queue of the tasks joining {@code task}, which has ended; empty if none. */
    private WaitQueue takeJoiners(Task task) {
        WaitQueue waiting = joiners.isEmpty() ? null : joiners.remove(task);
        return waiting == null ? NO_JOINERS : waiting;
    }

    private void finish(Task task, Object result) {
        retire(task);
        WaitQueue waiting = takeJoiners(task);
        for (Task joiner; (joiner = waiting.poll()) != null; ) {
            resume(joiner, result);
        }
    }

    private void fail(Task task, Throwable failure) {
        retire(task);
        WaitQueue waiting = takeJoiners(task);
        if (waiting.isEmpty()) {
            report(task, failure);
        }
        for (Task joiner; (joiner = waiting.poll()) != null; ) {
            throwInto(joiner, failure);
        }
    }

    private static void report(Task task, Throwable failure) {
        LOG.log(Level.ERROR, () -> task + " failed: " + failure, failure);
    }

    // ---- System calls (see Sys) ---------------------------------------------------------

    void spawnFrom(Task parent, Gen<?> gen) {
        Task child = register(gen);
        resume(parent, child.id());
        ready.add(child);
    }

    void kill(Task killer, long id) {
        Task victim = tasks.get(id);
        if (victim == null) {
            resume(killer, false);
            return;
        }
        retire(victim);
        try {
            victim.close();
        } catch (Throwable failure) {
            report(victim, failure);
        }
        WaitQueue waiting = takeJoiners(victim);
        if (!waiting.isEmpty()) {
            CancellationException killed = new CancellationException("task " + id + " was killed");
            for (Task joiner; (joiner = waiting.poll()) != null; ) {
                throwInto(joiner, killed);
            }
        }
        resume(killer, true);
    }

    void join(Task joiner, long id) {
        Task target = tasks.get(id);
        if (target == null) {
            throwInto(joiner, new NoSuchElementException("no task " + id + " to join: it has ended or never existed"));
        } else if (target == joiner) {
            throwInto(joiner, new IllegalArgumentException("task " + id + " cannot join itself"));
        } else {
            joiner.waitingOn = target;
            joiners.computeIfAbsent(target, t -> new WaitQueue()).add(joiner);
        }
    }

    void sleep(Task task, Duration duration) {
        timers.add(task, duration, System.nanoTime());
    }

    /** How many times the loop has polled or waited on the selector so far. */
    long selectorCalls() {
        return selectorCalls;
    }

    // ---- Guards -------------------------------------------------------------------------

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
    }

    private void claimThread() {
        Thread current = Thread.currentThread();
        Thread owner = runner;
        if (owner != null) {
            throw new IllegalStateException(owner == current
                    ? "run() called from a task: it is already running"
                    : "run() is already active on " + owner.getName());
        }
        runner = current;
    }
}
