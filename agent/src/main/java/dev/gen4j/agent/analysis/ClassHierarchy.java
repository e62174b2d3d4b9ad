package dev.gen4j.agent.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Super classes and interfaces of classes, read from class-file bytes, never by loading a class:
 * inside a class-file transformer, loading classes can pick the wrong class, recurse or
 * deadlock. Used for merging reference types, both in the analysis and in frame computation.
 */
public final class ClassHierarchy {
    private static final String OBJECT = "java/lang/Object";

    /** What we need to know of one class. */
    public record TypeInfo(String name, String superName, String[] interfaces, boolean isInterface,
            boolean isPublic) {
    }

    /** Thrown when a class's bytes cannot be found: "class lib.Thing not found; add it with --classpath". */
    public static final class MissingTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String typeName;

        MissingTypeException(String typeName, String hint) {
            super("class " + typeName.replace('/', '.') + " not found; " + hint);
            this.typeName = typeName;
        }

        public String typeName() {
            return typeName;
        }
    }

    private final Function<String, InputStream> classBytes;
    private final String missingHint;
    private final Map<String, TypeInfo> cache;
    /**
     * Common super classes of pairs with a missing class, as the stack map frames of the class
     * being instrumented declare them ("a b" -> common); null but in a view for one class.
     */
    private final Map<String, String> declaredCommon;

    /** @param classBytes opens {@code internalName + ".class"}, or returns null if there is none */
    public ClassHierarchy(Function<String, InputStream> classBytes) {
        this(classBytes, "put it on the class path");
    }

    /**
     * @param classBytes opens {@code internalName + ".class"}, or returns null if there is none
     * @param missingHint how the user makes a missing class available ("add it with --classpath")
     */
    public ClassHierarchy(Function<String, InputStream> classBytes, String missingHint) {
        this.classBytes = classBytes;
        this.missingHint = missingHint;
        this.cache = new ConcurrentHashMap<>();
        this.declaredCommon = null;
    }

    private ClassHierarchy(ClassHierarchy shared) {
        this.classBytes = shared.classBytes;
        this.missingHint = shared.missingHint;
        this.cache = shared.cache;
        this.declaredCommon = new ConcurrentHashMap<>();
    }

    /**
     * A view for instrumenting one class: what is known of classes is shared, and what the
     * class's own stack map frames tell of merges with a missing class ({@link #declareCommon})
     * stays with the class.
     */
    public ClassHierarchy forOneClass() {
        return new ClassHierarchy(this);
    }

    /**
     * Records that the compiler merged {@code a} and {@code b} into {@code common} (a stack map
     * frame of the class declares it), where a class is missing so that the merge cannot be
     * computed: the verifier takes the frame's word for it too, and checks it when the program
     * runs, with its classes present. Frame computation for the rewritten class then gives the
     * same answer. Returns false if the class's frames already declared another, or if this is
     * not a view for one class.
     */
    public boolean declareCommon(String a, String b, String common) {
        if (declaredCommon == null) {
            return false;
        }
        String before = declaredCommon.putIfAbsent(pair(a, b), common);
        return before == null || before.equals(common);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    /**
     * Classes as the given loader (and, behind it, the platform) sees them. Holds the loader
     * weakly: the agent keeps one hierarchy per loader, and must not keep the loader alive.
     */
    public static ClassHierarchy of(ClassLoader loader) {
        WeakReference<ClassLoader> effective = new WeakReference<>(
                loader != null ? loader : ClassLoader.getPlatformClassLoader());
        return new ClassHierarchy(name -> {
            ClassLoader l = effective.get();
            InputStream in = l != null ? l.getResourceAsStream(name + ".class") : null;
            return in != null ? in : ClassLoader.getSystemResourceAsStream(name + ".class");
        });
    }

    /** Makes a class known without reading it (the class being instrumented, for instance). */
    public void declare(TypeInfo info) {
        cache.put(info.name(), info);
    }

    public TypeInfo info(String name) {
        TypeInfo known = cache.get(name);
        if (known != null) {
            return known;
        }
        TypeInfo read = read(name);
        cache.put(name, read);
        return read;
    }

    private TypeInfo read(String name) {
        try (InputStream in = classBytes.apply(name)) {
            if (in == null) {
                // gen4j's own types are known without their class files: code that uses gen4j
                // is instrumented without gen4j-core on the class path.
                TypeInfo runtime = RuntimeTypes.info(name);
                if (runtime != null) {
                    return runtime;
                }
                throw new MissingTypeException(name, missingHint);
            }
            ClassReader reader = new ClassReader(in);
            return new TypeInfo(name, reader.getSuperName(), reader.getInterfaces(),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0,
                    (reader.getAccess() & Opcodes.ACC_PUBLIC) != 0);
        } catch (IOException e) {
            throw new MissingTypeException(name, missingHint);
        }
    }

    public boolean isInterface(String name) {
        return info(name).isInterface();
    }

    /** Whether a value of class {@code from} is an instance of {@code to} (both internal names). */
    public boolean isAssignable(String to, String from) {
        if (to.equals(from) || to.equals(OBJECT)) {
            return true;
        }
        for (String c = from; c != null; c = info(c).superName()) {
            if (c.equals(to)) {
                return true;
            }
            if (isInterface(to) && implementsInterface(c, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean implementsInterface(String type, String iface) {
        for (String i : info(type).interfaces()) {
            if (i.equals(iface) || implementsInterface(i, iface)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code type} itself if code in package {@code fromPackage} may name it (in a checkcast),
     * otherwise its nearest superclass that it may.
     */
    public String accessibleType(String type, String fromPackage) {
        String c = type;
        while (c != null && !info(c).isPublic() && !packageOf(c).equals(fromPackage)) {
            c = info(c).superName();
        }
        return c == null ? OBJECT : c;
    }

    /** The package part of an internal name ("" for the default package). */
    public static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** The most specific class both are instances of; interfaces merge to Object, as in ASM. */
    public String commonSuperClass(String a, String b) {
        String declared = declaredCommon == null || declaredCommon.isEmpty() ? null : declaredCommon.get(pair(a, b));
        if (declared != null) {
            return declared;
        }
        if (isAssignable(a, b)) {
            return a;
        }
        if (isAssignable(b, a)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return OBJECT;
        }
        String c = a;
        do {
            c = info(c).superName();
        } while (c != null && !isAssignable(c, b));
        return c == null ? OBJECT : c;
    }
}
