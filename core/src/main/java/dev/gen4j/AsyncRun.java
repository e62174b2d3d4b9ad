package dev.gen4j;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One run of {@link Async#run}: steps the generator, waits for each future it yields, and
 * completes the promise. As the callback of the future waited for ({@link #accept}) and as the
 * task given to the executor ({@link #run}) it is the same object, so a wait allocates nothing
 * of its own.
 *
 * <p>Who may touch the generator is decided by {@link #state} alone, by compare-and-set: the
 * thread that moves it to {@link #RUNNING} owns the generator until it moves it on. A future
 * that completes while its callback is being registered (one already complete, typically) only
 * records its outcome ({@link #RESUMED}), and the owner's loop runs on: no nested call, no
 * stack growth. A close request that finds the generator running only sets {@link #CLOSE}; the
 * owner honours it at the next yield.
 */
final class AsyncRun<R> implements BiConsumer<Object, Throwable>, Runnable {
    private static final System.Logger LOG = System.getLogger(Async.class.getName());

    /** A thread owns the generator: it is stepping it, or about to. */
    private static final int RUNNING = 0;
    /** The generator yielded a future, whose callback the owner is registering. */
    private static final int SUSPENDING = 1;
    /** Waiting for the future; nobody owns the generator; its callback will take it. */
    private static final int SUSPENDED = 2;
    /** The future completed while its callback was being registered: the owner goes on. */
    private static final int RESUMED = 3;
    /** Finished or closed. */
    private static final int DONE = 4;
    private static final int PHASE = 7;
    /** Flag: the promise was completed from outside; close the generator instead of resuming it. */
    private static final int CLOSE = 8;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(AsyncRun.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Gen<?> gen;
    /** Null: resume on the thread that completes each future. */
    private final Executor resumeOn;
    private final CompletableFuture<R> promise = new CompletableFuture<>();
    private volatile int state = RUNNING;
    /** The outcome of the future waited for, handed to the owner by {@link #state} or the executor. */
    private Object value;
    private Throwable failure;
    /** The thread blocked in get() for a plain Future, cancelled if the generator is closed. */
    private volatile Future<?> blockedGet;

    AsyncRun(Gen<?> gen, Executor resumeOn) {
        this.gen = gen;
        this.resumeOn = resumeOn;
    }

    CompletableFuture<R> start() {
        promise.whenComplete((v, t) -> closeRequested());
        if (gen.isDone()) {
            finishWithResult();
        } else {
            steps(null, null, false);
        }
        return promise;
    }

    /**
     * Steps the generator, which this thread owns, until it waits for a future that is not
     * complete, finishes, or is to be closed. {@code onResumeOn}: this thread is one of the
     * executor's, so futures already complete may be followed here.
     */
    private void steps(Object v, Throwable t, boolean onResumeOn) {
        for (;;) {
            if ((state & CLOSE) != 0) {
                close();
                return;
            }
            Object yielded;
            try {
                yielded = t != null ? gen.raise(t) : gen.send(v);
            } catch (Throwable escaped) {
                state = DONE;
                promise.completeExceptionally(escaped);
                return;
            }
            if (gen.isDone()) {
                finishWithResult();
                return;
            }
            if (yielded != null && yielded.getClass() == CompletableFuture.class
                    && ((CompletableFuture<?>) yielded).isDone()
                    && !((CompletableFuture<?>) yielded).isCompletedExceptionally()) {
                // The common case of a future already complete, with no callback and no state
                // change. Only the class itself: subclasses may refuse these calls (MinimalStage).
                CompletableFuture<?> f = (CompletableFuture<?>) yielded;
                v = f.getNow(null);
                t = null;
                if (resumeOn != null && !onResumeOn) {
                    dispatch(v, t);
                    return;
                }
                continue;
            }
            if (!STATE.compareAndSet(this, RUNNING, SUSPENDING)) {
                close();     // only CLOSE can have changed the state
                return;
            }
            v = null;
            t = null;
            boolean waiting;
            try {
                waiting = await(yielded);
            } catch (RuntimeException refused) {
                waiting = false;     // a stage that takes no callback: its failure is thrown in
                t = refused;
            }
            if (!waiting) {
                if (t == null) {
                    t = notAFuture(yielded);
                }
                if (!STATE.compareAndSet(this, SUSPENDING, RUNNING)) {
                    close();
                    return;
                }
                continue;
            }
            if (STATE.compareAndSet(this, SUSPENDING, SUSPENDED)) {
                return;     // accept() resumes the generator when the future completes
            }
            if (!STATE.compareAndSet(this, RESUMED, RUNNING)) {
                close();     // RESUMED | CLOSE, or SUSPENDING | CLOSE
                return;
            }
            v = value;
            t = failure;
            value = null;
            failure = null;
            if (resumeOn != null && !onResumeOn) {
                dispatch(v, t);     // after the first yield, only the executor runs the generator
                return;
            }
        }
    }

    /** Arranges for {@link #accept} to be called once with the outcome; false if not a future. */
    private boolean await(Object yielded) {
        if (yielded instanceof CompletionStage<?> stage) {
            stage.whenComplete(this);
            return true;
        }
        if (yielded instanceof Future<?> future) {
            if (future.isDone()) {
                deliver(future);
            } else {
                FutureTask<Void> get = new FutureTask<>(() -> getThenDeliver(future), null);
                blockedGet = get;
                PlainFutures.WAITERS.execute(get);
            }
            return true;
        }
        return false;
    }

    /** The callback of the future waited for, on whatever thread completes it. */
    @Override
    public void accept(Object v, Throwable t) {
        Throwable thrown = unwrap(t);
        for (;;) {
            int s = state;
            switch (s & PHASE) {
                case SUSPENDING:
                    value = v;
                    failure = thrown;
                    if (STATE.compareAndSet(this, s, RESUMED | (s & CLOSE))) {
                        return;     // the owner, still registering, goes on with the outcome
                    }
                    break;
                case SUSPENDED:
                    if (STATE.compareAndSet(this, s, RUNNING)) {
                        if (resumeOn == null) {
                            steps(v, thrown, false);
                        } else {
                            dispatch(v, thrown);
                        }
                        return;
                    }
                    break;
                default:
                    return;     // closed while waiting: nobody wants the outcome any more
            }
        }
    }

    /** The executor's task: the generator, owned, resumes with the outcome handed over. */
    @Override
    public void run() {
        Object v = value;
        Throwable t = failure;
        value = null;
        failure = null;
        steps(v, t, true);
    }

    /** Has the executor resume the generator, which this thread owns. */
    private void dispatch(Object v, Throwable t) {
        value = v;
        failure = t;
        try {
            resumeOn.execute(this);
        } catch (RuntimeException rejected) {
            value = null;
            failure = null;
            close();
            promise.completeExceptionally(rejected);
        }
    }

    /** The promise completed: if not by us, close the generator, now or once it yields. */
    private void closeRequested() {
        for (;;) {
            int s = state;
            if ((s & PHASE) == DONE || (s & CLOSE) != 0) {
                return;
            }
            if ((s & PHASE) == SUSPENDED) {
                if (STATE.compareAndSet(this, s, RUNNING | CLOSE)) {
                    if (resumeOn == null) {
                        close();
                    } else {
                        dispatch(null, null);
                    }
                    return;
                }
            } else if (STATE.compareAndSet(this, s, s | CLOSE)) {
                return;     // the owner closes it at its next yield
            }
        }
    }

    /** Closes the generator, which this thread owns, so that its finally blocks run. */
    private void close() {
        state = DONE;
        Future<?> get = blockedGet;
        if (get != null) {
            blockedGet = null;
            get.cancel(true);
        }
        try {
            gen.close();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, () -> "Async.run: closing " + gen.name()
                    + " after its future was completed from outside threw " + t, t);
        }
    }

    private void finishWithResult() {
        state = DONE;
        R result;
        try {
            result = gen.result();
        } catch (IllegalStateException endedByThrowing) {
            promise.completeExceptionally(endedByThrowing);
            return;
        }
        promise.complete(result);
    }

    /** On a waiter thread: blocks until the plain future is done, then hands its outcome over. */
    private void getThenDeliver(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException closed) {
            return;     // close() cancelled the wait
        } catch (ExecutionException | CancellationException doneAllTheSame) {
            // deliver() hands the failure over
        }
        blockedGet = null;
        deliver(future);
    }

    /** Hands the outcome of a plain future that is done to {@link #accept}. */
    private void deliver(Future<?> done) {
        Object v;
        try {
            v = done.get();
        } catch (ExecutionException | CancellationException e) {
            accept(null, e);
            return;
        } catch (InterruptedException e) {
            // A future that is done does not block: keep the flag for whoever looks.
            Thread.currentThread().interrupt();
            accept(null, e);
            return;
        }
        accept(v, null);
    }

    /** The generator gets the failure itself, not the wrapper a dependent stage or get() adds. */
    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private IllegalArgumentException notAFuture(Object yielded) {
        String what;
        String fix;
        if (yielded == null) {
            what = "null (a Yield.now() with no future)";
            fix = "yield the future to wait for: Yield.now(future)";
        } else if (yielded instanceof Gen<?> other) {
            what = "the generator " + other.name();
            fix = "to run it inside this one, use Yield.from(gen) instead of Yield.now(gen)";
        } else {
            String text;
            try {
                text = String.valueOf(yielded);
            } catch (RuntimeException e) {
                text = "its toString() threw " + e;
            }
            what = "a " + yielded.getClass().getName() + " ("
                    + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + ")";
            fix = "an async function yields only the CompletionStage or Future it waits for: Yield.now(future)";
        }
        return new IllegalArgumentException("Async.run: " + gen.name() + " yielded " + what + ", not a future; " + fix);
    }

    /** The daemon threads that block in get() for plain futures (cached: they end when idle). */
    private static final class PlainFutures {
        static final ExecutorService WAITERS;

        static {
            AtomicInteger count = new AtomicInteger();
            WAITERS = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "gen4j-async-future-wait-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }
}
