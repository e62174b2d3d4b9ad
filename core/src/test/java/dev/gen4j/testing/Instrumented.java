package dev.gen4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.InstrumentationException;
import dev.gen4j.agent.instrument.Names;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Test support: instruments class files the way the agent does, extracts the frame classes the
 * rewrite embeds, and checks every emitted class with ASM's CheckClassAdapter (verification on).
 */
public final class Instrumented {
    private Instrumented() {
    }

    /** A class as instrumentation left it: the host and its frame classes (binary name -> bytes). */
    public record Emitted(String hostName, byte[] host, Map<String, byte[]> frames, List<String> problems) {
        /** The host followed by every frame class. */
        public Map<String, byte[]> allClasses() {
            Map<String, byte[]> all = new LinkedHashMap<>();
            all.put(hostName, host);
            all.putAll(frames);
            return all;
        }
    }

    /** Instruments {@code classFile}; null if it has no generators. */
    public static Emitted instrument(byte[] classFile, ClassLoader context) throws InstrumentationException {
        return emitted(new ClassInstrumenter(ClassHierarchy.of(context)).instrument(classFile));
    }

    /** The classes of an instrumentation's result; null if there is none. */
    public static Emitted emitted(ClassInstrumenter.Result result) {
        if (result == null) {
            return null;
        }
        ClassNode node = new ClassNode();
        new ClassReader(result.bytes()).accept(node, 0);
        return new Emitted(node.name.replace('/', '.'), result.bytes(), frameClasses(node), result.problems());
    }

    /** Instruments a class of the test class path, read from its original class file. */
    public static Emitted instrument(Class<?> type) throws IOException, InstrumentationException {
        Emitted e = instrument(originalBytes(type), type.getClassLoader());
        assertNotNull(e, type + " has no generators");
        return e;
    }

    public static byte[] originalBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** The frame classes whose bytes travel in the host's invokedynamic bootstrap arguments. */
    public static Map<String, byte[]> frameClasses(ClassNode host) {
        Map<String, byte[]> frames = new LinkedHashMap<>();
        String pkg = host.name.contains("/") ? host.name.substring(0, host.name.lastIndexOf('/') + 1) : "";
        for (MethodNode m : host.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(Names.PROTOCOL) && indy.bsm.getName().equals(Names.LINK_FRAME)) {
                    StringBuilder latin1 = new StringBuilder();
                    for (int i = 1; i < indy.bsmArgs.length; i++) {
                        latin1.append((String) indy.bsmArgs[i]);
                    }
                    byte[] bytes = latin1.toString().getBytes(StandardCharsets.ISO_8859_1);
                    frames.put((pkg + indy.name).replace('/', '.'), bytes);
                }
            }
        }
        return frames;
    }

    /**
     * Verifies every class of {@code emitted} with CheckClassAdapter, resolving types through a
     * loader that knows the frame classes; fails with the verifier's report.
     */
    public static void verify(Emitted emitted, ClassLoader parent) {
        ClassLoader loader = new ClassesLoader(emitted.allClasses(), parent);
        for (Map.Entry<String, byte[]> c : emitted.allClasses().entrySet()) {
            StringWriter report = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(c.getValue()), loader, false, new PrintWriter(report));
            assertEquals("", report.toString(), "verification of " + c.getKey());
        }
    }

    /**
     * Defines the given classes from bytes (child first), everything else from the parent. Serves
     * their bytes as resources too, so that instrumentation can read their super types.
     */
    public static final class ClassesLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        public ClassesLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = new LinkedHashMap<>(classes);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (classes.containsKey(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        byte[] b = classes.get(name);
                        c = defineClass(name, b, 0, b.length);
                    }
                    return c;
                }
                return super.loadClass(name, resolve);
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] b = name.endsWith(".class")
                    ? classes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    : null;
            return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
        }

        /** Adds classes (for instance those compiled later); replaces none already defined. */
        public void add(Map<String, byte[]> more) {
            classes.putAll(more);
        }
    }
}
