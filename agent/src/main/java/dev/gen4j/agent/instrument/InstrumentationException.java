package dev.gen4j.agent.instrument;

import org.objectweb.asm.Type;

/**
 * A {@code @Generator} method that cannot be rewritten. The message names the class, the method,
 * the source line, what is wrong and how to fix it.
 */
public final class InstrumentationException extends Exception {
    private static final long serialVersionUID = 1L;

    public InstrumentationException(String message) {
        super(message);
    }

    /** "Cannot instrument a.b.Host.count(int) (Host.java:12): problem; fix". */
    public static InstrumentationException at(String owner, String method, String descriptor,
            String sourceFile, int line, String problem) {
        return new InstrumentationException("cannot instrument " + describe(owner, method, descriptor)
                + " (" + (sourceFile == null ? "unknown source" : sourceFile) + (line > 0 ? ":" + line : "") + "): "
                + problem);
    }

    /** "a.b.Host.count(int, java.lang.String)". */
    public static String describe(String owner, String method, String descriptor) {
        StringBuilder s = new StringBuilder(owner.replace('/', '.')).append('.').append(method).append('(');
        Type[] args = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length; i++) {
            s.append(i == 0 ? "" : ", ").append(args[i].getClassName());
        }
        return s.append(')').toString();
    }
}
