package dev.gen4j.runtime;

import dev.gen4j.Gen;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The calls that instrumented {@code @Generator} code makes into the runtime. Public because
 * the rewritten classes live in the user's packages and modules; not an API for hand-written code.
 *
 * <p>A rewritten body suspends by returning the yielded value (at a {@code Yield.from}, the
 * delegate, marked by {@code delegate}); it ends by returning its return value marked by
 * {@code returned}. On resume it calls {@code resumed(frame)}, which gives the value sent in or
 * throws the exception raised in, at the original call site. Marks are bits of an int field, so
 * the yielded value itself never goes through the heap.
 */
public final class GenProtocol {
    /**
     * The version of this protocol: raised whenever what emitted code calls or expects changes.
     * Every instrumented class carries the version it was written for ({@link Instrumented}) and
     * passes it to {@link #linkFrame} at its first use, which refuses another version.
     */
    public static final int VERSION = 4;

    /** Where to get a gen4j that speaks {@link #VERSION}, for the message that refuses another. */
    private static final String THIS_GEN4J = "gen4j " + version();

    /**
     * The marker on every class instrumentation rewrote, naming the protocol it was written for:
     * a class is never rewritten twice, and the runtime can tell an instrumented class.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Instrumented {
        /**
         * The protocol the class was instrumented for.
         *
         * @return a {@link GenProtocol#VERSION}
         */
        int protocol();
    }

    /** A constant, so that each call below compiles to the state change itself. */
    private static final GenAccess GEN = GenAccess.granted();

    private GenProtocol() {
    }

    private static String version() {
        // On the module path the version is the module's; on the class path, the jar manifest's.
        java.lang.module.ModuleDescriptor module = GenProtocol.class.getModule().getDescriptor();
        String v = module != null ? module.rawVersion().orElse(null)
                : GenProtocol.class.getPackage().getImplementationVersion();
        return v != null ? v : "of this build";
    }

    /**
     * At {@code Yield.from(delegate)}: the body returns this, asking to run {@code delegate} in its place.
     *
     * @param frame the generator whose body delegates
     * @param delegate the generator to run in its place
     * @return {@code delegate}, for the body to return
     */
    public static Object delegate(Gen<?> frame, Gen<?> delegate) {
        return GEN.delegate(frame, delegate);
    }

    /**
     * {@code Gen.done()} in a rewritten body: the same value, without the public method's look at its caller.
     *
     * @param <T> the type the generator would yield
     * @return the end of a generator, for the body's {@code return}
     */
    public static <T> Gen<T> done() {
        return GEN.finished(null);
    }

    /**
     * {@code Gen.done(result)} in a rewritten body: the same value, without the public method's look at its caller.
     *
     * @param <T> the type the generator would yield
     * @param result the generator's result; null for none
     * @return the end of a generator, for the body's {@code return}
     */
    public static <T> Gen<T> done(Object result) {
        return GEN.finished(result);
    }

    /**
     * At a {@code return}: the body returns this, its return value marked as such.
     *
     * @param frame the generator whose body returns
     * @param returned what the body returned
     * @return {@code returned}, for the body to return
     */
    public static Object returned(Gen<?> frame, Object returned) {
        return GEN.returned(frame, returned);
    }

    /**
     * On resume: the value sent in (or a delegate's result), or throws what was raised in.
     *
     * @param frame the generator being resumed
     * @return the value for the pending {@code Yield} call to give the body
     */
    public static Object resumed(Gen<?> frame) {
        return GEN.resumed(frame);
    }

    /**
     * Called by a rewritten generator lambda, in place of its code: hands the frame it created to
     * the {@link Gen#generate} that runs it.
     *
     * @param frame the generator the lambda's code created
     */
    public static void lambdaCreated(Gen<?> frame) {
        GEN.lambdaCreated(frame);
    }

    /**
     * Bootstrap of the {@code invokedynamic} in each rewritten {@code @Generator} method: defines
     * the method's frame class (a {@link Gen} subclass whose bytes travel as Latin-1 strings in
     * the caller's constant pool, after the protocol version it was written for) beside the caller, and links the call to its constructor.
     * Self-contained classes: the agent and ahead-of-time instrumentation emit exactly the same.
     *
     * <p>Its owner, name and descriptor never change with the protocol, so that a class of any
     * other version (from protocol 4 on) reaches the check here and is refused with the fix.
     *
     * @param caller the rewritten class's lookup
     * @param frameSimpleName the frame class's simple name
     * @param type the factory's parameters and the frame class's {@code Gen} return type
     * @param protocol the {@link #VERSION} the class was instrumented for
     * @param frameClassBytes the frame class's bytes, as Latin-1 strings
     * @return a call site bound to the frame class's constructor
     * @throws ReflectiveOperationException if the frame class cannot be defined or constructed
     */
    public static CallSite linkFrame(MethodHandles.Lookup caller, String frameSimpleName,
            MethodType type, int protocol, String... frameClassBytes) throws ReflectiveOperationException {
        if (protocol != VERSION) {
            throw otherProtocol(caller.lookupClass(), protocol);
        }
        Class<?> frame = defineOnce(caller, frameSimpleName,
                String.join("", frameClassBytes).getBytes(StandardCharsets.ISO_8859_1));
        MethodHandle constructor = caller.findConstructor(frame, type.changeReturnType(void.class));
        return new ConstantCallSite(constructor.asType(type));
    }

    /**
     * Bootstrap of the {@code invokedynamic} in each frame class's {@code resume()}: binds it to its
     * body, a private method of the host ({@code host.name}, static or instance as {@code type}
     * says). Private, the body cannot be overridden nor reached by another class's frame; the
     * frame shares the host's package and module, which grants it the host's private access.
     *
     * @param frame the frame class's lookup
     * @param name the body's method name in the host
     * @param type the body's type, with the host first if it is an instance method
     * @param host the class the body belongs to
     * @return a call site bound to the body
     * @throws ReflectiveOperationException if the body cannot be found or accessed
     */
    public static CallSite linkBody(MethodHandles.Lookup frame, String name, MethodType type, Class<?> host)
            throws ReflectiveOperationException {
        MethodHandles.Lookup inHost = MethodHandles.privateLookupIn(host, frame);
        boolean isInstance = type.parameterCount() > 0 && type.parameterType(0) == host;
        MethodHandle body = isInstance
                ? inHost.findVirtual(host, name, type.dropParameterTypes(0, 1))
                : inHost.findStatic(host, name, type);
        return new ConstantCallSite(body);
    }

    private static IllegalStateException otherProtocol(Class<?> host, int protocol) {
        return new IllegalStateException("class " + host.getName() + " was instrumented for gen4j protocol " + protocol
                + ", but this runtime speaks protocol " + VERSION + ": re-instrument it with " + THIS_GEN4J
                + " (recompile and instrument the fresh class files, or use this gen4j's agent)");
    }

    /**
     * The frame classes defined beside each host. Looking a frame up by name instead would make
     * the host's loader the initiating loader of a parent's class of that name (the same classes
     * loaded twice), and the definition would then fail as a duplicate.
     */
    private static final ClassValue<Map<String, Class<?>>> FRAMES = new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> host) {
            return new HashMap<>();
        }
    };

    private static Class<?> defineOnce(MethodHandles.Lookup caller, String simpleName, byte[] bytes)
            throws IllegalAccessException {
        // Two threads may link the same call site at once: the loser finds the winner's class.
        synchronized (GenProtocol.class) {
            Map<String, Class<?>> defined = FRAMES.get(caller.lookupClass());
            Class<?> frame = defined.get(simpleName);
            if (frame == null) {
                frame = caller.defineClass(bytes);
                defined.put(simpleName, frame);
            }
            return frame;
        }
    }
}
