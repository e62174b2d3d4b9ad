package dev.gen4j.agent;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.AnnotationScan;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.FrameNames;
import dev.gen4j.agent.instrument.InstrumentationException;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
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
    /**
     * The frames of every class instrumented, by loader and class name: a redefinition (HotSwap)
     * of the class needs them. Weak in the loader, so they go with it.
     */
    private final Map<ClassLoader, Map<String, FrameNames>> frames = new WeakHashMap<>();
    private final Map<String, FrameNames> bootFrames = java.util.Collections.synchronizedMap(new HashMap<>());

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] classFile) {
        if (className == null || className.startsWith(OWN_PACKAGE)) {
            return null;
        }
        FrameNames before = redefined == null ? null : framesOf(loader).get(className);
        if (before == null && (!AnnotationScan.mayContainGenerators(classFile)
                || AnnotationScan.isMarkedInstrumented(classFile))) {
            return null;
        }
        try {
            ClassInstrumenter instrumenter = new ClassInstrumenter(hierarchy(loader));
            ClassInstrumenter.Result result = redefined == null
                    ? instrumenter.instrument(classFile) : instrumenter.redefine(classFile, before);
            if (result == null) {
                return null;
            }
            for (String problem : result.problems()) {
                report(problem);
            }
            // A change of which methods are generators the JVM refuses: the class stays as it was.
            if (before == null || before.generators().equals(result.frames().generators())) {
                framesOf(loader).put(className, result.frames());
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

    /** The frames recorded for the loader's classes (a synchronized map). */
    private Map<String, FrameNames> framesOf(ClassLoader loader) {
        if (loader == null) {
            return bootFrames;
        }
        synchronized (frames) {
            return frames.computeIfAbsent(loader, l -> java.util.Collections.synchronizedMap(new HashMap<>()));
        }
    }

    private static void report(String message) {
        System.err.println("[gen4j] " + message);
    }
}
