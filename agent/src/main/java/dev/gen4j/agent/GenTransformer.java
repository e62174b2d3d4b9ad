package dev.gen4j.agent;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.AnnotationScan;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.InstrumentationException;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Instruments classes as they load. A class whose bytes do not mention {@code @Generator} costs
 * one byte scan. Problems are reported on standard error with the class, method, line and fix;
 * the methods concerned then throw that message when called, so nothing fails silently.
 */
final class GenTransformer implements ClassFileTransformer {
    /**
     * The agent's own classes carry the annotation's descriptor as a string constant; loading one
     * of them while instrumenting must not instrument it (that would recurse into its definition).
     */
    private static final String OWN_PACKAGE = "dev/gen4j/agent/";

    private final Map<ClassLoader, ClassHierarchy> hierarchies = new WeakHashMap<>();
    private final ClassHierarchy bootHierarchy = ClassHierarchy.of(null);

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] classFile) {
        if (className == null || className.startsWith(OWN_PACKAGE)
                || !AnnotationScan.mayContainGenerators(classFile)) {
            return null;
        }
        try {
            ClassInstrumenter.Result result = new ClassInstrumenter(hierarchy(loader)).instrument(classFile);
            if (result == null) {
                return null;
            }
            for (String problem : result.problems()) {
                report(problem);
            }
            return result.bytes();
        } catch (InstrumentationException e) {
            report(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            report("cannot instrument class " + className.replace('/', '.') + ": " + e);
        }
        return null;
    }

    private ClassHierarchy hierarchy(ClassLoader loader) {
        if (loader == null) {
            return bootHierarchy;
        }
        synchronized (hierarchies) {
            return hierarchies.computeIfAbsent(loader, ClassHierarchy::of);
        }
    }

    private static void report(String message) {
        System.err.println("[gen4j] " + message);
    }
}
