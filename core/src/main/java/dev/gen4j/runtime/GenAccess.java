package dev.gen4j.runtime;

import dev.gen4j.Gen;
import java.lang.invoke.MethodHandles;

/**
 * The part of a generator's state that {@link GenProtocol} changes on behalf of instrumented code,
 * kept package-private in {@link Gen}: {@code Gen} implements this with a class of its own nest
 * and grants it here while it initializes, and nothing else can be granted. Not for users.
 */
public abstract class GenAccess {
    private static volatile GenAccess granted;

    /** For {@code Gen}'s own implementation only (see {@link #grant}). */
    protected GenAccess() {
    }

    /**
     * Called once, by {@code Gen}'s static initializer.
     *
     * @param access {@code Gen}'s implementation
     * @throws IllegalStateException if {@code access} is not {@code Gen}'s, or access was granted already
     */
    public static synchronized void grant(GenAccess access) {
        if (access.getClass().getNestHost() != Gen.class) {
            throw new IllegalStateException(access.getClass().getName() + " is not dev.gen4j.Gen's: only Gen grants"
                    + " access to its state; instrumented code calls GenProtocol, application code calls Gen");
        }
        if (granted != null) {
            throw new IllegalStateException("dev.gen4j.Gen granted access to its state already");
        }
        granted = access;
    }

    /**
     * Gen's implementation, initializing {@code Gen} first if needed. Not synchronized: another
     * thread may be initializing {@code Gen}, and it takes the lock in {@link #grant}.
     */
    static GenAccess granted() {
        try {
            MethodHandles.lookup().ensureInitialized(Gen.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot initialize dev.gen4j.Gen", e);
        }
        GenAccess access = granted;
        if (access == null) {
            throw new IllegalStateException("dev.gen4j.Gen did not grant access to its state");
        }
        return access;
    }

    /**
     * {@link GenProtocol#delegate}.
     *
     * @param frame the generator whose body reached {@code Yield.from}
     * @param delegate the generator to run in its place
     * @return what the body returns: the delegate, marked as such
     */
    protected abstract Object delegate(Gen<?> frame, Gen<?> delegate);

    /**
     * {@link GenProtocol#returned}.
     *
     * @param frame the generator whose body returns
     * @param returned what the body returns (a {@code Gen.done} or null)
     * @return what the body returns, marked as its end
     */
    protected abstract Object returned(Gen<?> frame, Object returned);

    /**
     * {@link GenProtocol#resumed}.
     *
     * @param frame the generator resuming
     * @return the value sent in (or the delegate's result); throws what was raised in
     */
    protected abstract Object resumed(Gen<?> frame);

    /**
     * {@link GenProtocol#done(Object)}: what {@code Gen.done(result)} returns, without its look at the caller.
     *
     * @param <T> the type the generator would yield
     * @param result the generator's result; null for none
     * @return the end of a generator
     */
    protected abstract <T> Gen<T> finished(Object result);

    /**
     * {@link GenProtocol#lambdaCreated}.
     *
     * @param frame the generator a rewritten generator lambda created
     */
    protected abstract void lambdaCreated(Gen<?> frame);
}
