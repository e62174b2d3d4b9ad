package dev.gen4j;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

/**
 * The calls that instrumented {@code @Generator} code makes into the runtime. Public because
 * the rewritten classes live in the user's packages; not an API for hand-written code.
 *
 * <p>A rewritten body suspends with {@code suspend(frame, value)} (or {@code delegate}),
 * then returns its frame; on resume it calls {@code resumed(frame)}, which yields the value
 * sent in or throws the exception raised in, at the original call site.
 */
public final class GenProtocol {
    private GenProtocol() {
    }

    /** At {@code Yield.now(value)}: hands {@code value} to whoever advanced the generator. */
    public static void suspend(Gen<?> frame, Object value) {
        frame.value = value;
    }

    /** At {@code Yield.from(delegate)}: asks the driver to run {@code delegate} in our place. */
    public static void delegate(Gen<?> frame, Gen<?> delegate) {
        frame.value = delegate;
        frame.mode |= Gen.DELEGATING;
    }

    /** On resume: the value sent in (or a delegate's result), or throws what was raised in. */
    public static Object resumed(Gen<?> frame) {
        Object v = frame.value;
        frame.value = null;
        if ((frame.mode & Gen.THROWING) != 0) {
            frame.mode &= ~Gen.THROWING;
            throw sneaky((Throwable) v);
        }
        return v;
    }

    /**
     * Bootstrap of the {@code invokedynamic} in each rewritten {@code @Generator} method: defines
     * the method's frame class (a {@link Gen} subclass whose bytes travel as a Latin-1 string in
     * the caller's constant pool) beside the caller, and links the call to its constructor.
     * Self-contained classes: the agent and ahead-of-time instrumentation emit exactly the same.
     */
    public static CallSite linkFrame(MethodHandles.Lookup caller, String frameSimpleName,
            MethodType type, String frameClassBytes) throws ReflectiveOperationException {
        Class<?> frame = defineOnce(caller, frameSimpleName, frameClassBytes.getBytes(StandardCharsets.ISO_8859_1));
        MethodHandle constructor = caller.findConstructor(frame, type.changeReturnType(void.class));
        return new ConstantCallSite(constructor.asType(type));
    }

    private static Class<?> defineOnce(MethodHandles.Lookup caller, String simpleName, byte[] bytes)
            throws ClassNotFoundException, IllegalAccessException {
        String pkg = caller.lookupClass().getPackageName();
        String binaryName = pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
        // Two threads may link the same call site at once: the loser finds the winner's class.
        synchronized (GenProtocol.class) {
            try {
                return caller.findClass(binaryName);
            } catch (ClassNotFoundException notYetDefined) {
                return caller.defineClass(bytes);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
