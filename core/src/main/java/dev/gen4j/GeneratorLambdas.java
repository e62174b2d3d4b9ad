package dev.gen4j;

import java.util.Objects;

/**
 * How {@link Gen#generate} gets the generator a lambda's rewritten code creates: that code, run
 * as {@code GenBody.run()}, only creates the frame and hands it over ({@link #created}) through a
 * slot of the thread. The slot holds {@link #EXPECTING} while {@code generate} waits for one;
 * anything else means the body was called by hand.
 */
final class GeneratorLambdas {
    private static final ThreadLocal<Object[]> CREATED = ThreadLocal.withInitial(() -> new Object[1]);
    private static final Object EXPECTING = new Object();

    private GeneratorLambdas() {
    }

    static <T> Gen<T> generate(GenBody body) {
        Objects.requireNonNull(body, "body");
        Object[] slot = CREATED.get();
        Object outer = slot[0];
        slot[0] = EXPECTING;
        Object created;
        try {
            body.run();
        } catch (Exception e) {
            throw Gen.sneaky(e);
        } finally {
            created = slot[0];
            slot[0] = outer;
        }
        if (created instanceof Gen<?>) {
            @SuppressWarnings("unchecked")
            Gen<T> gen = (Gen<T>) created;
            return gen;
        }
        throw Uninstrumented.notAGeneratorLambda(body);
    }

    /** What a rewritten generator lambda does in place of its code: hands over the frame it created. */
    static void created(Gen<?> frame) {
        Object[] slot = CREATED.get();
        if (slot[0] != EXPECTING) {
            throw new IllegalStateException("a generator lambda (GenBody) was called directly with run(): pass it to"
                    + " Gen.generate(body) and drive the generator that returns, or write a @Generator method");
        }
        slot[0] = frame;
    }

    /** Whether {@link #generate} is running a body on this thread (it did not create a frame yet). */
    static boolean generating() {
        return CREATED.get()[0] == EXPECTING;
    }
}
