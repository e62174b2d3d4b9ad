package dev.gen4j;

import dev.gen4j.runtime.GenProtocol;
import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/** Builds the error for a {@link Yield} call that instrumentation did not replace. */
final class Uninstrumented {
    static final String HOW_TO_INSTRUMENT =
            "start the JVM with -javaagent:gen-agent.jar, or instrument the classes ahead of time"
                    + " with 'java -jar gen-agent.jar instrument <classes dir or jar>'";

    private Uninstrumented() {
    }

    /** What {@link Gen#generate} says of a body that did not create a generator. */
    static IllegalStateException notAGeneratorLambda(GenBody body) {
        Class<?> host = body.getClass().getNestHost();
        return new IllegalStateException("Gen.generate(" + host.getName() + " body) made no generator: the body must"
                + " be a lambda written in the call, () -> { ... Yield.now(x) ... }, not a method reference or"
                + " another GenBody (for those, write a @Generator method); if it is such a lambda, class "
                + host.getName() + " was not instrumented: " + HOW_TO_INSTRUMENT);
    }

    /**
     * Whether a class has {@code @Generator} methods with code but was not instrumented: the only
     * classes whose calls of the public {@code Gen.done} need a closer look.
     */
    private static final ClassValue<Boolean> UNINSTRUMENTED_GENERATORS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !isInstrumented(type) && Arrays.stream(type.getDeclaredMethods()).anyMatch(Uninstrumented::isGeneratorBody);
        }
    };

    /**
     * Called by the public {@code Gen.done} with the class that called it (rewritten bodies call
     * the protocol's copy instead): throws the fix if that is a {@code @Generator} method of a
     * class that was not instrumented. Such a generator has no Yield call to fail at, and would
     * otherwise look like an empty generator.
     */
    static void checkDoneCaller(Class<?> caller) {
        if (!UNINSTRUMENTED_GENERATORS.get(caller)) {
            return;
        }
        Optional<StackFrame> frame = firstFrameOutside(Gen.class);
        if (frame.isPresent() && isGeneratorMethod(frame.get())) {
            StackFrame f = frame.get();
            throw new IllegalStateException("@Generator method " + where(f) + " ran as a plain method and returned Gen.done():"
                    + " class " + f.getClassName() + " was not instrumented: " + HOW_TO_INSTRUMENT);
        }
    }

    /** Whether instrumentation rewrote the class (it carries the marker, whatever its protocol). */
    static boolean isInstrumented(Class<?> type) {
        return type.isAnnotationPresent(GenProtocol.Instrumented.class);
    }

    /**
     * How a message about Yield code that did not run as a generator ends: if the class was never
     * instrumented, how to instrument it; if it was, the method was refused when it was.
     */
    private static String notRewritten(Class<?> type) {
        return isInstrumented(type)
                ? "its class was instrumented, but this code was refused: see the problem reported then (on standard"
                        + " error, or by the build)"
                : "class " + type.getName() + " was not instrumented: " + HOW_TO_INSTRUMENT;
    }

    static IllegalStateException yieldCalled(String call) {
        Optional<StackFrame> caller = firstFrameOutside(Yield.class);
        if (caller.isEmpty()) {
            return new IllegalStateException(call + " called outside a @Generator method");
        }
        StackFrame frame = caller.get();
        if (GeneratorLambdas.generating() && !isLambdaCode(frame)) {
            return new IllegalStateException(call + " called in " + where(frame) + ", run by Gen.generate: a GenBody"
                    + " must be a lambda written in the call, () -> { ... Yield.now(x) ... }, not a method reference;"
                    + " make " + frame.getMethodName() + " a @Generator method instead");
        }
        if (GeneratorLambdas.generating()) {
            return new IllegalStateException(call + " ran in a generator lambda in " + frame.getClassName() + " ("
                    + frame.getFileName() + ":" + frame.getLineNumber() + "), but "
                    + notRewritten(frame.getDeclaringClass()));
        }
        if (isGeneratorMethod(frame)) {
            return new IllegalStateException(call + " ran in @Generator method " + where(frame)
                    + ", but " + notRewritten(frame.getDeclaringClass()));
        }
        String notAGenerator = call + " called in " + where(frame)
                + ", which is not a @Generator method. Only the body of a @Generator method can"
                + " yield, not a lambda or a method it calls: annotate that method with @Generator"
                + " (it must return Gen) and use Yield.from to run it from the generator";
        // A class with generators that was never instrumented: they cannot work either; say how.
        return new IllegalStateException(!UNINSTRUMENTED_GENERATORS.get(frame.getDeclaringClass()) ? notAGenerator
                : notAGenerator + "; and class " + frame.getClassName() + ", whose @Generator methods need it, was"
                        + " not instrumented: " + HOW_TO_INSTRUMENT);
    }

    /** Whether the frame runs a lambda's code (a synthetic method), not a method the user named. */
    private static boolean isLambdaCode(StackFrame frame) {
        return Arrays.stream(frame.getDeclaringClass().getDeclaredMethods())
                .filter(m -> m.getName().equals(frame.getMethodName()))
                .filter(m -> descriptorOf(m).equals(frame.getDescriptor()))
                .anyMatch(Method::isSynthetic);
    }

    private static boolean isGeneratorMethod(StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        String descriptor = frame.getDescriptor();
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(frame.getMethodName()))
                .filter(m -> descriptorOf(m).equals(descriptor))
                .anyMatch(Uninstrumented::isGeneratorBody);
    }

    /** A {@code @Generator} method with code (an abstract one only declares the generators of its overrides). */
    private static boolean isGeneratorBody(Method m) {
        return m.isAnnotationPresent(Generator.class) && !Modifier.isAbstract(m.getModifiers());
    }

    /** The first frame of the caller's stack outside {@code api} (the method called) and this class. */
    private static Optional<StackFrame> firstFrameOutside(Class<?> api) {
        return StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getDeclaringClass() != api
                        && f.getDeclaringClass() != Uninstrumented.class).findFirst());
    }

    /** {@code Class.method (File.java:line)}, for messages. */
    private static String where(StackFrame frame) {
        return frame.getClassName() + "." + frame.getMethodName()
                + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }

    private static String descriptorOf(Method m) {
        return java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                .toMethodDescriptorString();
    }
}
