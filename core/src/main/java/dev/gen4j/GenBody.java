package dev.gen4j;

/**
 * The body of a generator written as a lambda, for {@link Gen#generate(GenBody)}: inside it,
 * {@link Yield#now}, {@link Yield#from}, {@code send}, {@code raise}, {@code close} and
 * {@code finally} behave exactly as in a {@link Generator @Generator} method.
 *
 * <pre>{@code
 * int limit = 3;
 * Gen<Integer> g = Gen.generate(() -> {
 *     for (int i = 0; i < limit; i++) Yield.now(i);
 * });
 * }</pre>
 *
 * Only a lambda passed to {@code Gen.generate} can be a generator body: instrumentation rewrites
 * the lambda's code. A method reference, or a body called directly with {@link #run()}, is
 * refused with a message that says so.
 */
@FunctionalInterface
public interface GenBody {
    /**
     * The generator's code; never called by hand (see {@link Gen#generate(GenBody)}).
     *
     * @throws Exception whatever the body throws, checked or not: it comes out of the
     *     {@code next()}, {@code send()} or {@code raise()} that was running it
     */
    void run() throws Exception;
}
