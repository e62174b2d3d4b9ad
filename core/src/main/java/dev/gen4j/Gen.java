package dev.gen4j;

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
 * <p>{@code Yield.from} chains are driven by this class, not by the Java stack: the generator
 * the caller holds keeps a pointer to the innermost active delegate and resumes it directly,
 * so delegation depth is bounded by the heap and resuming costs the same at any depth.
 *
 * <p>Not thread-safe: a generator may be resumed from different threads one after the other,
 * and re-entering one that is running throws {@code IllegalStateException}.
 *
 * @param <T> the type of the values yielded
 */
public abstract class Gen<T> implements Iterator<T>, Iterable<T>, AutoCloseable {
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
    /** On the generator being driven: the innermost delegate of its Yield.from chain, or null. */
    Gen<?> top;
    /** On a delegate: the generator whose Yield.from it serves. */
    Gen<?> caller;

    /** For the classes instrumentation generates (and for hand-written generators). */
    protected Gen() {
    }

    /**
     * Runs the body from where it last suspended, with {@code value} holding what was sent in
     * (or, with THROWING, the Throwable to throw at the yield). Returns the value yielded; or,
     * if the body ended, its return value after {@link #returning(Object)} marked it so; or, at
     * a {@code Yield.from}, the delegate after {@link GenProtocol#delegate} marked it so.
     */
    protected abstract Object resume();

    /** For {@link #resume()}: the body has ended with {@code returned} (a {@link #done} or null). */
    protected final Object returning(Object returned) {
        mode |= RETURNED;
        return returned;
    }

    /** The generator's name in messages: the {@code @Generator} method it runs. */
    protected String name() {
        return getClass().getName();
    }

    // ---- Ending a generator -------------------------------------------------------------

    /** Ends a generator without a result: {@code return Gen.done();} (Python: {@code return}). */
    @SuppressWarnings("unchecked")
    public static <T> Gen<T> done() {
        return (Gen<T>) EMPTY;
    }

    /** Ends a generator with a result: {@code return Gen.done(v);} (Python: {@code return v}). */
    public static <T> Gen<T> done(Object result) {
        return result == null ? done() : new Done<>(result);
    }

    /**
     * A new, not-started generator running the lambda {@code body} (Python's generator
     * expressions, Kotlin's {@code sequence {}}). Each call makes an independent generator;
     * its result is {@code null}.
     *
     * @throws IllegalStateException if {@code body} is not a lambda that instrumentation
     *     rewrote (a method reference, or a class that was not instrumented), saying what to do
     */
    public static <T> Gen<T> generate(GenBody body) {
        return GenProtocol.generate(body);
    }

    /** A generator over the items of {@code items}: handy as a {@code Yield.from} delegate. */
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
     * @throws IllegalStateException for a non-null {@code v} to a generator that has not started
     * @throws NoSuchElementException if the generator had already finished
     */
    @SuppressWarnings("unchecked")
    public final T send(Object v) {
        int m = mode;
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
     */
    @SuppressWarnings("unchecked")
    public final T raise(Throwable t) {
        Objects.requireNonNull(t, "t");
        int m = mode & STATUS;
        if (m == NEW) {
            finish(FAILED, t);
            throw GenProtocol.sneaky(t);
        }
        if (m == DONE) {
            throw GenProtocol.sneaky(t);
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
            throw new IllegalStateException(name() + " ignored GeneratorExit: generator ignored GeneratorExit");
        }
    }

    /** Whether the body has returned or thrown. */
    public final boolean isDone() {
        return (mode & STATUS) == DONE;
    }

    /**
     * The value the body gave to {@link #done(Object)} (Python's {@code StopIteration.value}).
     *
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

    /** A sequential stream over the remaining values; closing the stream closes the generator. */
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
     * next() and hasNext(): the common case, a suspended generator with no delegate, in few
     * enough bytecodes to be inlined; everything else goes through {@link #advance}.
     */
    @SuppressWarnings("unchecked")
    private Object resumeNext() {
        if (mode == SUSPENDED && top == null) {
            mode = RUNNING;
            Object r;
            try {
                r = resume();
            } catch (Throwable failure) {
                finish(FAILED, failure);
                throw failure;
            }
            if (mode == RUNNING) {
                mode = SUSPENDED;
                return r;
            }
            return settle(r);
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
        mode = RUNNING;
        return settle(resumeInnermost(sent, thrown));
    }

    /**
     * Resumes the innermost generator of the chain; when it throws, the exception is thrown into
     * the generator that delegated to it, and so on outwards. Returns what resume() returned.
     */
    private Object resumeInnermost(Object sent, Throwable thrown) {
        for (;;) {
            Gen<?> g = top == null ? this : top;
            if (thrown == null) {
                g.value = sent;
                g.mode = RUNNING;
            } else {
                g.value = thrown;
                g.mode = RUNNING | THROWING;
            }
            try {
                return g.resume();
            } catch (Throwable failure) {
                g.finish(FAILED, failure);
                if (g == this) {
                    throw failure;
                }
                unlink(g);
                sent = null;
                thrown = failure;
            }
        }
    }

    /**
     * The innermost generator just returned {@code r} from resume(). If it yielded, that is the
     * chain's value. If it asked to delegate, or returned, the chain changes and runs on.
     * Returns the yielded value, or FINISHED when this generator ends.
     */
    private Object settle(Object r) {
        for (;;) {
            Gen<?> g = top == null ? this : top;
            int m = g.mode;
            if ((m & (DELEGATING | RETURNED)) == 0) {
                g.mode = SUSPENDED;
                mode = SUSPENDED;
                return r;
            }
            g.mode = g == this ? RUNNING : SUSPENDED;
            if ((m & DELEGATING) != 0) {
                r = push(g, (Gen<?>) r);
                continue;
            }
            Object result;
            try {
                result = resultOf(g, r);
            } catch (IllegalStateException notAResult) {
                g.finish(FAILED, notAResult);
                if (g == this) {
                    throw notAResult;
                }
                unlink(g);
                r = resumeInnermost(null, notAResult);
                continue;
            }
            g.finish(0, result);
            if (g == this) {
                return FINISHED;
            }
            // A delegate returned: its result is the value of the caller's Yield.from.
            unlink(g);
            r = resumeInnermost(result, null);
        }
    }

    /**
     * {@code Yield.from(d)} in g: pushes d on the chain and resumes it (or, if d cannot be
     * delegated to, throws into g). Returns what the resumed generator returned.
     */
    private Object push(Gen<?> g, Gen<?> d) {
        if (d == null) {
            return resumeInnermost(null, new NullPointerException("Yield.from(null) in " + g.name()));
        }
        int dm = d.mode;
        if ((dm & STATUS) == DONE) {
            return resumeInnermost((dm & FAILED) != 0 ? null : d.value, null);
        }
        if ((dm & STATUS) == RUNNING || d.caller != null || d == this) {
            return resumeInnermost(null, alreadyExecuting(d));
        }
        d.caller = g;
        top = d.top == null ? d : d.top;
        d.top = null;
        if ((dm & BUFFERED) != 0) {
            // d already ran ahead to a value: that value is the chain's next one.
            d.mode = dm & ~BUFFERED;
            Object v = d.value;
            d.value = null;
            return v;
        }
        return resumeInnermost(null, null);
    }

    /** Pops g, the innermost, off the chain. */
    private void unlink(Gen<?> g) {
        Gen<?> c = g.caller;
        g.caller = null;
        top = c == this ? null : c;
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

    static IllegalStateException alreadyExecuting(Gen<?> g) {
        return new IllegalStateException("generator already executing: " + g.name());
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
