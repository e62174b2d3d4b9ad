package dev.gen4j;

/**
 * The suspension points of a {@link Generator @Generator} method.
 *
 * <p>Instrumentation replaces every call to these methods inside a {@code @Generator} body
 * by a suspension of that body. So the methods below only ever run when that did not happen,
 * and then they explain why.
 */
public final class Yield {
    private Yield() {
    }

    /**
     * Suspends the enclosing generator, handing {@code null} to whoever advanced it.
     *
     * @param <S> the type of the values sent in, as the body expects them (not checked)
     * @return the value sent in on resume ({@code null} after {@code next()}); Python's
     *     {@code x = (yield)}
     */
    public static <S> S now() {
        throw Uninstrumented.yieldCalled("Yield.now()");
    }

    /**
     * Suspends the enclosing generator, handing {@code value} to whoever advanced it.
     *
     * @param <S> the type of the values sent in, as the body expects them (not checked)
     * @param value what {@code next()} or {@code send()} returns to the caller
     * @return the value sent in on resume ({@code null} after {@code next()})
     */
    public static <S> S now(Object value) {
        throw Uninstrumented.yieldCalled("Yield.now(value)");
    }

    /**
     * Delegates to {@code gen} until it finishes (Python's {@code yield from}): its values go to
     * our caller, values sent and exceptions raised into us go to it.
     *
     * @param <R> the type of the delegate's result, as the body expects it (not checked)
     * @param gen the delegate: a new generator, or one already started (it carries on from there)
     * @return the delegate's result, the value it gave to {@link Gen#done(Object)}
     */
    public static <R> R from(Gen<?> gen) {
        throw Uninstrumented.yieldCalled("Yield.from(gen)");
    }
}
