package dev.gen4j;

import java.util.Objects;

/**
 * A generator that yields once, used as a resource: Python's {@code @contextmanager}. The code
 * before the yield sets up, the value yielded is what the block uses, the code after the yield
 * (usually a {@code finally}) cleans up.
 *
 * <pre>{@code
 * @Generator
 * static Gen<Path> tempdir() throws IOException {
 *     Path dir = Files.createTempDirectory("work");
 *     try {
 *         Yield.now(dir);
 *     } finally {
 *         deleteTree(dir);
 *     }
 *     return Gen.done();
 * }
 *
 * try (var ctx = Context.of(tempdir())) {
 *     Path dir = ctx.value();
 *     ...
 * }                                   // the generator resumes: its finally block runs
 * }</pre>
 *
 * <p><b>The block's exception.</b> Python's {@code with} tells the context manager how the block
 * ended; Java's try-with-resources does not: {@link #close()} is called the same way whether the
 * block completed or threw. So {@code close()} always means "the block completed" and resumes the
 * generator normally, which is what generators whose exit code is a {@code finally} block (timers,
 * temporary files, locks) need. A generator that must see the block's exception (to roll back, to
 * log it) gets it from {@link #raise}, called where the block catches it:
 *
 * <pre>{@code
 * try (var tx = Context.of(transaction(db))) {
 *     try {
 *         update(tx.value());
 *     } catch (Throwable t) {
 *         tx.raise(t);                // thrown at the generator's yield; close() is then a no-op
 *         throw t;
 *     }
 * }
 * }</pre>
 *
 * <p><b>A generator that swallows the exception.</b> In Python, a {@code @contextmanager}
 * generator that catches the block's exception and returns suppresses it: the {@code with}
 * statement goes on as if nothing had happened. Here the generator's handler runs, and the
 * caller throws the exception on all the same: a try-with-resources statement cannot swallow the
 * exception of its block, and a failure hidden inside the generator would surprise a Java reader,
 * who sees {@code throw} in the block. Code that means to go on after a failure catches the
 * exception itself.
 *
 * <p>Not thread-safe, like the generator it wraps.
 *
 * @param <T> the type of the value the generator yields
 */
public final class Context<T> implements AutoCloseable {
    private final Gen<T> gen;
    private final T value;
    private boolean exited;

    private Context(Gen<T> gen, T value) {
        this.gen = gen;
        this.value = value;
    }

    /**
     * Enters the context: runs {@code gen} to its yield (Python's {@code __enter__}). An exception
     * the generator throws on the way comes out of this call unchanged.
     *
     * @param <T> the type of the value the generator yields
     * @param gen a generator that yields once (its setup before, its exit code after)
     * @return the entered context, holding the yielded value
     * @throws IllegalStateException if the generator finishes without yielding
     */
    public static <T> Context<T> of(Gen<T> gen) {
        Objects.requireNonNull(gen, "gen");
        if (!gen.hasNext()) {
            throw new IllegalStateException("generator didn't yield: " + gen
                    + " must yield once to be used as a Context");
        }
        return new Context<>(gen, gen.next());
    }

    /**
     * The value the generator yielded.
     *
     * @return what Python's {@code with ... as value} binds
     */
    public T value() {
        return value;
    }

    /**
     * The block ended normally: resumes the generator at its yield so its exit code runs (Python's
     * {@code __exit__(None, None, None)}). An exception the exit code throws comes out of this call.
     * Does nothing once the context has exited, by an earlier {@code close()} or by {@link #raise}.
     *
     * @throws IllegalStateException if the generator yields a second time; it is closed first
     */
    @Override
    public void close() {
        if (exited) {
            return;
        }
        exited = true;
        gen.send(null);
        if (!gen.isDone()) {
            throw closedAfterSecondYield(new IllegalStateException("generator didn't stop: " + gen
                    + " yielded a second time; a Context generator yields once"));
        }
    }

    /**
     * The block ended by throwing {@code error}: throws it at the generator's yield (Python's
     * {@code __exit__(type, value, traceback)}) so that the generator's handlers and exit code
     * run. The caller then throws {@code error} on ({@code ctx.raise(t); throw t;}), whether the
     * generator let it through or caught it (see the class comment). The context has exited:
     * {@link #close()} does nothing.
     *
     * <p>If the generator throws another exception instead, that one comes out of this call
     * unchanged (checked or not, like {@link Gen#raise}), with {@code error} added to it as
     * suppressed unless it is its cause.
     *
     * @param error what the block threw; not null
     * @throws IllegalStateException if the context has already exited, or if the generator
     *     yields again instead of finishing (it is closed first; {@code error} is the cause)
     */
    public void raise(Throwable error) {
        Objects.requireNonNull(error, "error");
        if (exited) {
            throw new IllegalStateException("the context of " + gen + " has already exited", error);
        }
        exited = true;
        try {
            gen.raise(error);
        } catch (Throwable thrown) {
            if (thrown == error) {
                return;
            }
            if (thrown.getCause() != error) {
                thrown.addSuppressed(error);
            }
            throw Context.<RuntimeException>sneaky(thrown);
        }
        if (!gen.isDone()) {
            throw closedAfterSecondYield(new IllegalStateException("generator didn't stop after raise: "
                    + gen + " caught the exception and yielded again; a Context generator yields once",
                    error));
        }
    }

    /** Closes the generator that yielded a second time, then hands back {@code problem} to throw. */
    private IllegalStateException closedAfterSecondYield(IllegalStateException problem) {
        try {
            gen.close();
        } catch (RuntimeException | Error closing) {
            problem.addSuppressed(closing);
        }
        return problem;
    }

    /** Throws a checked exception without declaring it: the generator's exception, unchanged. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
