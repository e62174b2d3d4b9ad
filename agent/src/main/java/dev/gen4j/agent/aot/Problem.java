package dev.gen4j.agent.aot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A method or class that cannot be instrumented.
 *
 * @param className the class's binary name ("app.Foo")
 * @param sourcePath its source file relative to a source root ("app/Foo.java"), or null if the
 *     class file does not name one
 * @param line the source line, or 0 if unknown
 * @param message the whole message: class, method, line, what is wrong and the fix
 */
public record Problem(String className, String sourcePath, int line, String message) {
    /** "cannot instrument app.Foo.bar(int) (Foo.java:12): ...": the line, as InstrumentationException writes it. */
    private static final Pattern LINE = Pattern.compile("^cannot instrument [^ (]+\\([^()]*\\) \\([^():]+:(\\d+)\\): ");

    static Problem of(String internalName, String sourceFile, String message) {
        String pkg = internalName.contains("/") ? internalName.substring(0, internalName.lastIndexOf('/') + 1) : "";
        Matcher m = LINE.matcher(message);
        return new Problem(internalName.replace('/', '.'), sourceFile == null ? null : pkg + sourceFile,
                m.find() ? Integer.parseInt(m.group(1)) : 0, message);
    }

    /** "app/Foo.java:12: message", the form IDEs and terminals link to the source. */
    public String located(String resolvedSourcePath) {
        if (resolvedSourcePath == null) {
            return message;
        }
        return resolvedSourcePath + ":" + (line > 0 ? line : 1) + ": " + message;
    }
}
