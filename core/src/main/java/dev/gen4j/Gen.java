package dev.gen4j;

import dev.gen4j.runtime.GenAccess;
import dev.gen4j.runtime.GenProtocol;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generator: the object a {@link Generator @Generator} method returns. It is an
 * {@link Iterator} and an {@link Iterable} over the values the body yields (one pass), and
 * speaks Python's generator protocol: {@link #send}, {@link #raise}, {@link #close},
 * {@link #result}.
 *
 * <p>{@code Yield.from} chains are driven by this class, not by the Java stack: each generator
 * knows the delegate it waits on, and the generator the caller holds keeps a pointer to the
 * innermost one and resumes it directly, so delegation depth is bounded by the heap and
 * resuming costs the same at any depth. A delegate may also be driven directly, or shared by
 * generators that take turns (PEP 380): each carries on from the delegate's current state.
 *
 * <p>Not thread-safe: a generator may be resumed from different threads one after the other,
 * and re-entering one that is running throws {@code IllegalStateException}.
 *
 * @param <T> the type of the values yielded
 */
public abstract class Gen<T> implements Iterator<T>, Iterable<T>, AutoCloseable {
    static {
        // First, before anything here can reach GenProtocol: it reads the access at its initialization.
        GenAccess.grant(new Access());
    }

    // Status, the low two bits of `mode`.
    static final int NEW = 0;
    static final int SUSPENDED = 1;
    static final int RUNNING = 2;
    static final int DONE = 3;
    static final int STATUS = 3;
    // Flags.
    /** hasNext() ran ahead: `value` holds the yielded value that next() will return. */
    static final int BUFFERED = 4;
    /** `value` holds a Throwable to throw at the pending yield. */
    static final int THROWING = 8;
    /** resume() returned because the body reached a Yield.from: it returned the delegate. */
    static final int DELEGATING = 16;
    /** Finished by an exception: `value` holds it. */
    static final int FAILED = 32;
    /** resume() returned because the body ended, not because it yielded. */
    static final int RETURNED = 64;

    /** Returned by {@link #advance} when the generator finished instead of yielding. */
    private static final Object FINISHED = new Object();
    private static final Gen<?> EMPTY = new Done<>(null);

    /**
     * The slot through which values pass into the body: the value sent in (or the Throwable
     * raised in) on resume; also the value hasNext() ran ahead to, and the result or the failure
     * once done. Yielded values do not pass here: resume() returns them.
     */
    Object value;
    int mode;
    /** The delegate of the pending Yield.from (Python's {@code gi_yieldfrom}), or null. */
    Gen<?> sub;
    /**
     * On a generator driven with a delegate: the innermost generator of its chain when the
     * chain last suspended, so that resuming costs the same at any depth. A hint, trusted only
     * while that generator's {@code owner} is this one (see {@link #innermost}).
     */
    Gen<?> top;
    /** The generator whose Yield.from this one serves, in the chain that last walked through it. */
    Gen<?> caller;
    /**
     * The generator whose chain last suspended with this one innermost. A delegate may also be
     * driven directly or shared by several delegating generators: whoever runs it last owns it,
     * and the others find their chain again from their own {@code sub}.
     */
    Gen<?> owner;

    /** For the classes instrumentation generates (and for hand-written generators). */
    protected Gen() {
    }

    /**
     * Runs the body from where it last suspended, with {@code value} holding what was sent in
     * (or, with THROWING, the Throwable to throw at the yield). Returns the value yielded; or,
     * if the body ended, its return value after {@link #returning(Object)} marked it so; or, at
     * a {@code Yield.from}, the delegate after {@link GenProtocol#delegate} marked it so.
     *
     * @return the value yielded, the marked return value, or the marked delegate
     */
    protected abstract Object resume();

    /**
     * For {@link #resume()}: the body has ended with {@code returned}.
     *
     * @param returned what the body returned: a {@link #done} or null
     * @return {@code returned}, for {@code resume()} to return
     */
    protected final Object returning(Object returned) {
        mode |= RETURNED;
        return returned;
    }

    /**
     * The generator's name in messages.
     *
     * @return the {@code @Generator} method it runs; this base class gives the class name
     */
    protected String name() {
        return getClass().getName();
    }

    /**
     * The source file of the {@code @Generator} method, for stack traces through
     * {@code Yield.from}. Frame classes override it.
     *
     * @return the file name, as in a stack trace element, or null if unknown
     */
    protected String sourceFile() {
        return null;
    }

    /**
     * The source line of the yield this generator is suspended at (its {@code Yield.from} while
     * it delegates). Frame classes override it; it is only called when an exception passes
     * through the generator, never on a resume.
     *
     * @return the line number, or -1 if unknown
     */
    protected int suspendedLine() {
        return -1;
    }

    // ---- Ending a generator -------------------------------------------------------------

    /**
     * Ends a generator without a result: {@code return Gen.done();} (Python: {@code return}).
     *
     * <p>In a {@code @Generator} body, instrumentation calls the runtime's own copy of this
     * method. Called anywhere else it looks at its caller, so that a {@code @Generator} that ends
     * without a yield in a class that was not instrumented fails with the fix instead of looking
     * like an empty generator.
     *
     * @param <T> the type the generator would yield
     * @return the end of a generator, for its {@code return}
     * @throws IllegalStateException if called by a {@code @Generator} method whose class was not instrumented
     */
    public static <T> Gen<T> done() {
        Uninstrumented.checkDoneCaller(CALLER.getCallerClass());
        return finished(null);
    }

    /**
     * Ends a generator with a result: {@code return Gen.done(v);} (Python: {@code return v}).
     * Checks its caller as {@link #done()} does.
     *
     * @param <T> the type the generator would yield
     * @param result the generator's result, {@link #result()}; null for none
     * @return the end of a generator, for its {@code return}
     * @throws IllegalStateException if called by a {@code @Generator} method whose class was not instrumented
     */
    public static <T> Gen<T> done(Object result) {
        Uninstrumented.checkDoneCaller(CALLER.getCallerClass());
        return finished(result);
    }

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** What {@link #done(Object)} returns, unchecked: the runtime's side, for rewritten bodies. */
    @SuppressWarnings("unchecked")
    static <T> Gen<T> finished(Object result) {
        return result == null ? (Gen<T>) EMPTY : new Done<>(result);
    }

    /**
     * A new, not-started generator running the lambda {@code body} (Python's generator
     * expressions, Kotlin's {@code sequence {}}). Each call makes an independent generator;
     * its result is {@code null}.
     *
     * @param <T> the type of the values the lambda yields
     * @param body a lambda written in this call, whose {@code Yield} calls are its yields
     * @return the generator, not started: the lambda runs on the first {@code next()}
     * @throws IllegalStateException if {@code body} is not a lambda that instrumentation
     *     rewrote (a method reference, or a class that was not instrumented), saying what to do
     */
    public static <T> Gen<T> generate(GenBody body) {
        return GeneratorLambdas.generate(body);
    }

    /**
     * A generator over the items of {@code items}: handy as a {@code Yield.from} delegate.
     *
     * @param <T> the type of the items
     * @param items the items, iterated lazily as the generator is driven
     * @return a generator yielding each item in turn, with a null result
     */
    public static <T> Gen<T> of(Iterable<? extends T> items) {
        return new IteratorGen<>(items.iterator());
    }

    // ---- Driving ------------------------------------------------------------------------

    /** Runs to the next yield and returns its value; {@link NoSuchElementException} when finished. */
    @Override
    @SuppressWarnings("unchecked")
    public final T next() {
        if ((mode & BUFFERED) != 0) {
            return takeBuffered();
        }
        Object v = resumeNext();
        if (v == FINISHED) {
            throw new NoSuchElementException(name() + " has finished");
        }
        return (T) v;
    }

    /** Runs ahead to the next yield if needed, keeping its value for {@link #next()}. */
    @Override
    public final boolean hasNext() {
        int m = mode;
        if ((m & BUFFERED) != 0) {
            return true;
        }
        if ((m & STATUS) == DONE) {
            return false;
        }
        Object v = resumeNext();
        if (v == FINISHED) {
            return false;
        }
        value = v;
        mode |= BUFFERED;
        return true;
    }

    /**
     * Resumes with {@code v} as the value of the pending {@code Yield.now()} (Python's
     * {@code send}). Returns the next yielded value, or null with {@link #isDone()} true if the
     * body returned.
     *
     * @param v the value {@code Yield.now()} returns in the body; null to start the generator
     * @return the next yielded value, or null if the body returned
     * @throws IllegalStateException for a non-null {@code v} to a generator that has not started
     * @throws NoSuchElementException if the generator had already finished
     */
    @SuppressWarnings("unchecked")
    public final T send(Object v) {
        int m = mode;
        if ((m == SUSPENDED || m == NEW && v == null) && sub == null) {
            // The common case, as in next(): a scheduler starts and resumes its tasks this way.
            value = v;
            Object r = resumeNext();
            return r == FINISHED ? null : (T) r;
        }
        if ((m & BUFFERED) != 0) {
            if (v != null) {
                throw new IllegalStateException("cannot send a value to " + name()
                        + ": hasNext() already resumed it past the yield; call next() first");
            }
            return takeBuffered();
        }
        if ((m & STATUS) == NEW && v != null) {
            throw new IllegalStateException("cannot send a non-null value to " + name()
                    + ", which has not started: call next() or send(null) first");
        }
        if ((m & STATUS) == DONE) {
            throw new NoSuchElementException(name() + " has finished");
        }
        Object r = advance(v, null);
        return r == FINISHED ? null : (T) r;
    }

    /**
     * Throws {@code t} at the pending yield (Python's {@code throw}). Returns the next yielded
     * value, or null with {@link #isDone()} true if the body returned; if the body does not catch
     * {@code t}, it propagates out of this call. A generator that has not started, or has
     * finished, throws {@code t} at once.
     *
     * @param t the exception to throw at the pending yield; not null
     * @return the next yielded value, or null if the body caught {@code t} and returned
     * @throws NullPointerException if {@code t} is null
     */
    @SuppressWarnings("unchecked")
    public final T raise(Throwable t) {
        Objects.requireNonNull(t, "t");
        int m = mode & STATUS;
        if (m == NEW) {
            finish(FAILED, t);
            throw sneaky(t);
        }
        if (m == DONE) {
            throw sneaky(t);
        }
        dropBuffered();
        Object r = advance(null, t);
        return r == FINISHED ? null : (T) r;
    }

    /**
     * Throws {@link GeneratorExit} at the pending yield so that {@code finally} blocks run.
     * No-op when not started or finished.
     *
     * @throws IllegalStateException if the body yields again instead of finishing
     */
    @Override
    public final void close() {
        int m = mode & STATUS;
        if (m == NEW) {
            finish(0, null);
            return;
        }
        if (m == DONE) {
            return;
        }
        dropBuffered();
        Object r;
        try {
            r = advance(null, new GeneratorExit());
        } catch (GeneratorExit expected) {
            return;
        }
        if (r != FINISHED) {
            throw ignoredExit(this);
        }
    }

    /**
     * Whether the body has returned or thrown.
     *
     * @return true once the generator has finished, false while it may still yield
     */
    public final boolean isDone() {
        return (mode & STATUS) == DONE;
    }

    /**
     * The value the body gave to {@link #done(Object)} (Python's {@code StopIteration.value}).
     *
     * @param <R> the type the caller expects the result to have (not checked)
     * @return the result, or null if the body ended with {@link #done()}
     * @throws IllegalStateException before the end, or if the body ended by throwing
     */
    @SuppressWarnings("unchecked")
    public final <R> R result() {
        if ((mode & STATUS) != DONE) {
            throw new IllegalStateException(name() + " has not finished: no result yet");
        }
        if ((mode & FAILED) != 0) {
            throw new IllegalStateException(name() + " ended with an exception, not a result",
                    (Throwable) value);
        }
        return (R) value;
    }

    /** This generator: one pass over the remaining values. */
    @Override
    public final Iterator<T> iterator() {
        return this;
    }

    /**
     * A sequential stream over the remaining values; closing the stream closes the generator.
     *
     * @return an ordered stream that drives this generator as it is consumed
     */
    public final Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public String toString() {
        String status;
        switch (mode & STATUS) {
            case NEW: status = "not started"; break;
            case SUSPENDED: status = "suspended"; break;
            case RUNNING: status = "running"; break;
            default: status = (mode & FAILED) != 0 ? "failed" : "done"; break;
        }
        return "generator " + name() + " [" + status + "]";
    }

    // ---- The trampoline -----------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private T takeBuffered() {
        mode &= ~BUFFERED;
        Object v = value;
        value = null;
        return (T) v;
    }

    private void dropBuffered() {
        if ((mode & BUFFERED) != 0) {
            mode &= ~BUFFERED;
            value = null;
        }
    }

    private void finish(int flags, Object valueOrFailure) {
        mode = DONE | flags;
        value = valueOrFailure;
    }

    /**
     * next() and hasNext(): the common case, a new or suspended generator with no delegate that
     * yields or returns, in few enough bytecodes to be inlined; everything else goes through
     * {@link #advance}.
     */
    @SuppressWarnings("unchecked")
    private Object resumeNext() {
        // NEW or SUSPENDED, no flag: a new generator starts as a suspended one resumes with null.
        if ((mode & ~SUSPENDED) == 0 && sub == null) {
            mode = RUNNING;
            Object r;
            try {
                r = resume();
            } catch (Throwable failure) {
                finish(FAILED, failure);
                throw failure;
            }
            int m = mode;
            if (m == RUNNING) {
                mode = SUSPENDED;
                return r;
            }
            if (m == (RUNNING | RETURNED)) {
                return ended(r);
            }
            return run(this, r, null, null, null);
        }
        return resumeDelegated();
    }

    /** This generator's body has returned {@code returned}: it ends (for next(), send() and {@link #run}). */
    private Object ended(Object returned) {
        top = null;
        Object result;
        try {
            result = resultOf(this, returned);
        } catch (IllegalStateException notAResult) {
            finish(FAILED, notAResult);
            throw notAResult;
        }
        finish(0, result);
        return FINISHED;
    }

    /**
     * next() and hasNext() on a generator suspended in Yield.from whose hint to the innermost
     * generator still holds: resumes that one at once; everything else goes through
     * {@link #advance}.
     */
    private Object resumeDelegated() {
        Gen<?> t = top;
        if (mode == SUSPENDED && t != null && t.owner == this && t.sub == null && t.mode == SUSPENDED) {
            mode = RUNNING;
            t.mode = RUNNING;
            Object r;
            try {
                r = t.resume();
            } catch (Throwable failure) {
                return run(t, RESUME_FAILED, null, failure, null);
            }
            if (t.mode == RUNNING) {
                t.mode = SUSPENDED;
                mode = SUSPENDED;
                return r;
            }
            return run(t, r, null, null, null);
        }
        return advance(null, null);
    }

    /**
     * Resumes the innermost generator of this one's chain with a value sent or a Throwable
     * raised, and runs the chain until a generator yields or this one finishes.
     * Returns the yielded value, or FINISHED.
     */
    final Object advance(Object sent, Throwable thrown) {
        int status = mode & STATUS;
        if (status == RUNNING) {
            throw alreadyExecuting(this);
        }
        if (status == DONE) {
            return FINISHED;
        }
        Gen<?> g = this;
        if (sub != null) {
            g = innermost(thrown != null);
            if ((g.mode & BUFFERED) != 0) {
                // A delegate ran ahead by itself (hasNext()): its value is the chain's next one.
                if (sent != null) {
                    throw new IllegalStateException("cannot send a value to " + name() + ": its delegate "
                            + g.name() + " already ran ahead past its yield (hasNext()); call next() first");
                }
                Object v = g.takeBuffered();
                top = g;
                g.owner = this;
                return v;
            }
            if (g.sub != null) {
                // g's delegate was finished elsewhere: g's Yield.from returns null (or throws `thrown`).
                g.sub = null;
                sent = null;
            }
            mode = RUNNING;
        }
        return run(g, RESUME, sent, thrown, thrown instanceof GeneratorExit ? (GeneratorExit) thrown : null);
    }

    /**
     * The innermost generator of this one's chain: the hint {@code top} if no one else has run
     * or changed it since this chain last suspended, else found by walking the delegates down.
     * It has no delegate, or one that has finished, or it ran ahead (BUFFERED) by itself.
     */
    private Gen<?> innermost(boolean raising) {
        Gen<?> t = top;
        if (t != null && t.owner == this && t.sub == null && t.mode == SUSPENDED) {
            return t;
        }
        Gen<?> x = walkDown(this, raising);
        if (x == null) {
            // Its chain is running (this generator was re-entered from inside it).
            throw alreadyExecuting(this);
        }
        return x;
    }

    /**
     * The innermost generator of d's chain, d about to be delegated to; null if some generator
     * of it is running (delegating to it would re-enter it).
     */
    private static Gen<?> innermostOf(Gen<?> d) {
        if ((d.mode & BUFFERED) != 0 || d.sub == null) {
            return d;
        }
        Gen<?> t = d.top;
        if (t != null && t.owner == d && t.sub == null && t.mode == SUSPENDED) {
            return t;
        }
        return walkDown(d, false);
    }

    /**
     * Follows the delegates down from {@code x}, linking each to its caller, to the first that
     * has no live delegate or ran ahead by itself (whose buffered value is dropped when
     * {@code raising}); null if one of them is running.
     */
    private static Gen<?> walkDown(Gen<?> x, boolean raising) {
        for (;;) {
            Gen<?> s = x.sub;
            if (s == null) {
                return x;
            }
            int sm = s.mode;
            if ((sm & STATUS) == DONE) {
                return x;
            }
            if ((sm & STATUS) == RUNNING) {
                return null;
            }
            s.caller = x;
            x = s;
            if ((sm & BUFFERED) != 0) {
                if (!raising) {
                    return x;
                }
                x.dropBuffered();
            }
        }
    }

    /** For {@link #run}: g has still to be resumed. */
    private static final Object RESUME = new Object();
    /** For {@link #run}: g's resume() has just thrown {@code thrown}. */
    private static final Object RESUME_FAILED = new Object();

    /**
     * The trampoline. Resumes g, a generator of this one's chain (unless {@code r} is not
     * RESUME: then g's resume() just returned r), and follows what happens: a yield ends the
     * run; a Yield.from pushes the delegate and resumes it; a delegate that returns hands its
     * result to the generator that delegated to it, one that throws throws there (and the
     * exception's stack trace gets that generator's Yield.from). Returns the yielded value, or
     * FINISHED when this generator ends.
     *
     * <p>{@code exit} is the GeneratorExit thrown in by close() (or raise()); then
     * {@code closing} is the generator whose way of ending decides what its caller gets, as in
     * PEP 380: if it finishes, returning or not, the GeneratorExit; if it yields instead, it
     * stays suspended where it is and its caller gets "ignored GeneratorExit" at its
     * Yield.from; if it throws, that exception.
     */
    private Object run(Gen<?> g, Object r, Object sent, Throwable thrown, GeneratorExit exit) {
        Gen<?> closing = exit != null ? g : null;
        Throwable traced = null;
        int tracedAt = -1;
        int frames = 0;
        for (;;) {
            Throwable failure = null;
            if (r == RESUME) {
                if (thrown == null) {
                    g.value = sent;
                    g.mode = RUNNING;
                } else {
                    g.value = thrown;
                    g.mode = RUNNING | THROWING;
                }
                try {
                    r = g.resume();
                } catch (Throwable f) {
                    failure = f;
                }
            } else if (r == RESUME_FAILED) {
                failure = thrown;
            }
            if (failure != null) {
                g.finish(FAILED, failure);
                if (g == this) {
                    top = null;
                    throw sneaky(failure);
                }
                Gen<?> p = pop(g);
                if (closing == g) {
                    closing = p;
                }
                if (frames < MAX_DELEGATION_FRAMES) {
                    tracedAt = traceThrough(failure, g, p, failure == traced ? tracedAt : -1);
                    traced = failure;
                    frames++;
                }
                g = p;
                sent = null;
                thrown = failure;
                r = RESUME;
                continue;
            }
            int m = g.mode;
            if ((m & (DELEGATING | RETURNED)) == 0) {
                g.mode = SUSPENDED;
                if (closing != null && closing != this) {
                    // `closing` ignored GeneratorExit: it keeps its own chain, suspended at this
                    // yield, and the generator that delegated to it gets the error.
                    Gen<?> f = closing;
                    if (g != f) {
                        f.top = g;
                        g.owner = f;
                    }
                    Gen<?> p = pop(f);
                    closing = p;
                    g = p;
                    sent = null;
                    thrown = ignoredExit(f);
                    r = RESUME;
                    continue;
                }
                mode = SUSPENDED;
                if (g != this) {
                    top = g;
                    g.owner = this;
                }
                return r;
            }
            if ((m & DELEGATING) != 0) {
                // Yield.from(d) in g.
                g.mode = RUNNING;
                Gen<?> d = (Gen<?>) r;
                r = RESUME;
                sent = null;
                thrown = null;
                if (d == null) {
                    thrown = new NullPointerException("Yield.from(null) in " + g.name());
                    continue;
                }
                int dm = d.mode;
                if ((dm & STATUS) == DONE) {
                    // Gen.done(v) hands over v; a generator that has finished, nothing.
                    sent = d instanceof Done ? d.value : null;
                    continue;
                }
                Gen<?> x = (dm & STATUS) == RUNNING ? null : innermostOf(d);
                if (x == null) {
                    thrown = alreadyExecuting(d);
                    continue;
                }
                g.sub = d;
                d.caller = g;
                if (g != this) {
                    g.mode = SUSPENDED;
                }
                g = x;
                if ((x.mode & BUFFERED) != 0) {
                    // x already ran ahead to a value: that value is the chain's next one.
                    r = x.takeBuffered();
                } else if (x.sub != null) {
                    // x's own delegate was finished elsewhere: x's Yield.from returns null.
                    x.sub = null;
                }
                continue;
            }
            // g returned r.
            if (g == this) {
                return ended(r);
            }
            Object returned = r;
            r = RESUME;
            Object result;
            try {
                result = resultOf(g, returned);
            } catch (IllegalStateException notAResult) {
                g.finish(FAILED, notAResult);
                Gen<?> p = pop(g);
                if (closing == g) {
                    closing = p;
                }
                g = p;
                sent = null;
                thrown = notAResult;
                continue;
            }
            g.finish(0, result);
            Gen<?> p = pop(g);
            if (closing == g) {
                // It finished when closed: its caller is closed next, even if it returned a value.
                closing = p;
                sent = null;
                thrown = exit;
            } else {
                // A delegate returned: its result is the value of the caller's Yield.from.
                sent = result;
                thrown = null;
            }
            g = p;
        }
    }

    /** Pops g off the chain: the generator that delegated to it is now the innermost. */
    private static Gen<?> pop(Gen<?> g) {
        Gen<?> p = g.caller;
        g.caller = null;
        g.owner = null;
        p.sub = null;
        return p;
    }

    private static IllegalStateException ignoredExit(Gen<?> g) {
        return new IllegalStateException(g.name() + " ignored GeneratorExit: generator ignored GeneratorExit");
    }

    // ---- Stack traces through delegation ------------------------------------------------

    /** At most this many Yield.from frames are added to one exception by one run of a chain. */
    private static final int MAX_DELEGATION_FRAMES = 1024;

    /**
     * {@code failure} left {@code from} and is thrown into {@code into} at its Yield.from: puts
     * that Yield.from in its stack trace, after the frames it already passed through (those of
     * {@code from}, and, at {@code after} if not negative, an earlier Yield.from), before those
     * of the code driving the chain. Returns where it went, or -1 for a trace not kept.
     */
    private static int traceThrough(Throwable failure, Gen<?> from, Gen<?> into, int after) {
        StackTraceElement[] trace = failure.getStackTrace();
        if (trace.length == 0) {
            return -1;
        }
        int at = after >= 0 && after < trace.length ? after + 1 : insertionPoint(trace, from);
        StackTraceElement[] longer = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, longer, 0, at);
        longer[at] = into.delegationFrame();
        System.arraycopy(trace, at, longer, at + 1, trace.length - at);
        failure.setStackTrace(longer);
        return at;
    }

    /** Just below the frames of {@code from}'s body; else above the runtime's; else the top. */
    private static int insertionPoint(StackTraceElement[] trace, Gen<?> from) {
        String frameClass = from.getClass().getName();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(frameClass) && trace[i].getMethodName().equals("resume")) {
                return i + 1;
            }
        }
        String runtime = Gen.class.getName();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(runtime)) {
                return i;
            }
        }
        return 0;
    }

    /** This generator, suspended in Yield.from, as a stack frame: its method at that line. */
    private StackTraceElement delegationFrame() {
        String n = name();
        int dot = n.lastIndexOf('.');
        String declaringClass = dot > 0 ? n.substring(0, dot) : getClass().getName();
        String method = dot > 0 ? n.substring(dot + 1) : n;
        return new StackTraceElement(declaringClass, method, sourceFile(), suspendedLine());
    }

    private static Object resultOf(Gen<?> g, Object returned) {
        if (returned == null) {
            return null;
        }
        if (returned instanceof Done) {
            return ((Done<?>) returned).value;
        }
        throw new IllegalStateException(g.name() + " returned " + returned
                + ": a @Generator method ends with 'return Gen.done()', 'return Gen.done(value)'"
                + " or 'return null'; to run another generator, use 'return Gen.done(Yield.from(other))'");
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    static IllegalStateException alreadyExecuting(Gen<?> g) {
        return new IllegalStateException("generator already executing: " + g.name());
    }

    /**
     * What {@link GenProtocol} does to a generator's state for the code instrumentation emits; Gen
     * grants it to the protocol alone, so that the state stays package-private.
     */
    private static final class Access extends GenAccess {
        @Override
        protected Object delegate(Gen<?> frame, Gen<?> delegate) {
            frame.mode |= DELEGATING;
            return delegate;
        }

        @Override
        protected Object returned(Gen<?> frame, Object returned) {
            frame.mode |= RETURNED;
            return returned;
        }

        @Override
        protected Object resumed(Gen<?> frame) {
            Object v = frame.value;
            if (v == null) {
                return null;
            }
            frame.value = null;
            if ((frame.mode & THROWING) != 0) {
                frame.mode &= ~THROWING;
                throw sneaky((Throwable) v);
            }
            return v;
        }

        @Override
        protected <T> Gen<T> finished(Object result) {
            return Gen.finished(result);
        }

        @Override
        protected void lambdaCreated(Gen<?> frame) {
            GeneratorLambdas.created(frame);
        }
    }

    /** A finished generator: what {@link #done()} and {@link #done(Object)} return. */
    static final class Done<T> extends Gen<T> {
        Done(Object result) {
            value = result;
            mode = DONE;
        }

        @Override
        protected Object resume() {
            throw new AssertionError("a finished generator is never resumed");
        }

        @Override
        protected String name() {
            return "Gen.done(" + value + ")";
        }
    }

    /** A generator over an iterator's items. */
    static final class IteratorGen<T> extends Gen<T> {
        private final Iterator<? extends T> items;

        IteratorGen(Iterator<? extends T> items) {
            this.items = items;
        }

        @Override
        protected Object resume() {
            GenProtocol.resumed(this);
            if (!items.hasNext()) {
                return returning(null);
            }
            return items.next();
        }

        @Override
        protected String name() {
            return "Gen.of(" + items + ")";
        }
    }
}
