package dev.gen4j;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Async functions on {@link CompletableFuture}, with no scheduler: a generator that yields the
 * futures it waits for reads as sequential code, like Python's {@code async def} with
 * {@code await}, or ea-async's {@code await(future)}.
 *
 * <pre>{@code
 * @Generator
 * static Gen<Object> loadUser(long id) {
 *     Profile p = Yield.now(http.profile(id));        // a CompletableFuture<Profile>
 *     List<Order> o = Yield.now(http.orders(p));      // resumes when it completes
 *     return Gen.done(new User(p, o));
 * }
 * CompletableFuture<User> user = Async.run(loadUser(7));
 * }</pre>
 *
 * <p>{@link #run(Gen)} runs the generator at once, on the calling thread, up to its first yield,
 * and returns. From then on, each time a future it yielded completes, the generator is resumed
 * with the future's value ({@code Yield.now} returns it), or with the future's exception thrown at
 * the {@code Yield.now}, unwrapped from {@code CompletionException} and
 * {@code ExecutionException}: an {@code IOException} of the future reaches the body as that
 * {@code IOException} (catch it as {@code Exception}: {@code Yield.now} declares none, so javac
 * refuses {@code catch (IOException e)} around it). It runs on the thread that completed the
 * future, or, with {@link #run(Gen, Executor)}, on the executor. The returned future completes with the
 * generator's result ({@code Gen.done(value)}), or exceptionally with the very exception that
 * escaped the generator. Helper generators that yield futures are called with
 * {@code Yield.from(helper(...))}.
 *
 * <p>What a generator may yield:
 * <ul>
 * <li>a {@link CompletionStage} (a {@link CompletableFuture}, say): no thread waits for it; its
 *     completion resumes the generator. One that is already complete resumes it at once, in a
 *     loop rather than a nested call, so a million completed futures in a row take no stack.
 * <li>a plain {@link Future} (a {@code FutureTask}, or what an {@code ExecutorService} returns):
 *     one that is done resumes at once; for one that is not, a plain {@code Future} has no way
 *     to say when it completes, so a daemon thread ({@code gen4j-async-future-wait-N}, from a
 *     shared cached pool) blocks in {@link Future#get()} until it does, and then resumes the
 *     generator (or hands it to the executor). That thread, one per plain future pending, is the
 *     cost; it is released if the generator is closed meanwhile. Prefer a
 *     {@code CompletionStage} where there is one.
 * <li>anything else (a {@code Gen} by mistake for {@code Yield.from}, null from a bare
 *     {@code Yield.now()}, ...): an {@link IllegalArgumentException} naming what was yielded is
 *     thrown into the generator at that yield.
 * </ul>
 *
 * <p>Cancelling the returned future (or completing it from outside) closes the generator: a
 * {@link GeneratorExit} is thrown at its pending yield, so its {@code finally} blocks run. If the
 * generator is waiting, it is closed at once on the cancelling thread (with an executor: on the
 * executor); if it is running on another thread at that moment, it is closed when that step
 * reaches its next yield, on that thread, never while it runs. The future it was waiting for is
 * left alone (it may be shared): cancel it too if it is yours. Whatever the closing throws is
 * reported on the {@link System.Logger} named after this class, since the returned future is
 * already complete.
 *
 * <p>The generator is touched by one thread at a time, each step happening after the one before
 * (the futures' completion and the executor hand it over), so its locals need no locking.
 */
public final class Async {
    private Async() {
    }

    /**
     * Runs {@code g} as an async function: at once up to its first yield, then each time a
     * future it yielded completes, on the thread that completed it.
     *
     * @param <R> the type of {@code g}'s result
     * @param g a generator that yields {@code CompletionStage}s or {@code Future}s
     * @return a future of {@code g}'s result ({@code Gen.done(value)})
     */
    public static <R> CompletableFuture<R> run(Gen<?> g) {
        return new AsyncRun<R>(Objects.requireNonNull(g, "g"), null).start();
    }

    /**
     * Runs {@code g} as an async function: at once on the calling thread up to its first yield;
     * from then on only on {@code resumeOn}, once per yield whose future was not complete
     * (a run of futures already complete goes on in the same task).
     *
     * @param <R>      the type of {@code g}'s result
     * @param g        a generator that yields {@code CompletionStage}s or {@code Future}s
     * @param resumeOn runs every step after the first; if it rejects one, the generator is
     *                 closed and the returned future fails with the rejection
     * @return a future of {@code g}'s result ({@code Gen.done(value)})
     */
    public static <R> CompletableFuture<R> run(Gen<?> g, Executor resumeOn) {
        return new AsyncRun<R>(Objects.requireNonNull(g, "g"), Objects.requireNonNull(resumeOn, "resumeOn")).start();
    }
}
