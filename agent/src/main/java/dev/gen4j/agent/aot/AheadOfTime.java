package dev.gen4j.agent.aot;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.AnnotationScan;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.InstrumentationException;
import dev.gen4j.agent.instrument.Names;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * Instruments the classes of directories and jars on disk. Nothing is written unless every
 * class with generators can be instrumented, and then only the classes that change (a class
 * already instrumented carries the marker and is left as it is), each written atomically, so
 * a run that fails leaves its input as it was and a second run writes nothing.
 */
public final class AheadOfTime implements AutoCloseable {
    /**
     * What a run did.
     *
     * @param instrumented classes rewritten now
     * @param alreadyInstrumented classes that carried the marker and were left as they are
     * @param written the files written (empty if there were problems)
     * @param problems what could not be instrumented; if any, nothing was written
     * @param warnings things done that the user should know of (a signature removed)
     */
    public record Outcome(int instrumented, int alreadyInstrumented, List<Path> written, List<Problem> problems,
            List<String> warnings) {
    }

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/(.+)\\.class");
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+",
            Pattern.CASE_INSENSITIVE);

    private final URLClassLoader classPath;
    private final String missingHint;

    /**
     * @param classPath where the types the classes use are found (directories and jars); the JDK's
     *     and gen4j's own types are always known
     * @param missingHint how the user adds a missing class, ending the message "class X not found; ..."
     */
    public AheadOfTime(List<Path> classPath, String missingHint) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("not a class path entry: " + p, e);
            }
        }
        this.classPath = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        this.missingHint = missingHint;
    }

    @Override
    public void close() throws IOException {
        classPath.close();
    }

    /** Instruments the class files under {@code dir}, writing them under {@code target} (may be {@code dir}). */
    public Outcome directory(Path dir, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).sorted().toList();
        }
        Run run = new Run();
        ClassInstrumenter instrumenter = new ClassInstrumenter(hierarchy(this::fromClassPath));
        Map<Path, byte[]> writes = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            byte[] result = run.instrument(instrumenter, original);
            Path dest = target.resolve(dir.relativize(file).toString());
            if (result != null || !dest.equals(file)) {
                writes.put(dest, result != null ? result : original);
            }
        }
        List<Path> written = new ArrayList<>();
        if (run.problems.isEmpty()) {
            for (Map.Entry<Path, byte[]> w : writes.entrySet()) {
                writeAtomically(w.getKey(), w.getValue());
                written.add(w.getKey());
            }
        }
        return run.outcome(written);
    }

    /**
     * Instruments the classes of a jar, versioned entries of a multi-release jar included, and
     * writes the jar to {@code target} (may be {@code jar}) if anything changed or the target is
     * another file. A signed jar whose classes change loses its signature, with a warning.
     */
    public Outcome jar(Path jar, Path target) throws IOException {
        Run run = new Run();
        Map<String, byte[]> changed = new HashMap<>();
        List<ZipEntry> entries;
        boolean signed;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry.class::cast).toList();
            signed = entries.stream().anyMatch(e -> SIGNATURE.matcher(e.getName()).matches());
            Map<Integer, ClassInstrumenter> byVersion = new HashMap<>();
            for (ZipEntry entry : entries) {
                if (entry.isDirectory() || !entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] bytes = read(zip, entry);
                Matcher versioned = VERSIONED.matcher(entry.getName());
                int version = versioned.matches() ? Integer.parseInt(versioned.group(1)) : 8;
                ClassInstrumenter instrumenter = byVersion.computeIfAbsent(version,
                        v -> new ClassInstrumenter(hierarchy(name -> fromJar(zip, name, v))));
                byte[] result = run.instrument(instrumenter, bytes);
                if (result != null) {
                    changed.put(entry.getName(), result);
                }
            }
            boolean sameFile = Files.exists(target) && Files.isSameFile(jar, target);
            if (!run.problems.isEmpty() || (changed.isEmpty() && sameFile)) {
                return run.outcome(List.of());
            }
            boolean stripSignature = signed && !changed.isEmpty();
            if (stripSignature) {
                run.warnings.add(jar + " was signed; its signature is removed, as the instrumented classes no"
                        + " longer match it: sign the instrumented jar again if it must be signed");
            }
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".gen4j-", ".jar");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
                for (ZipEntry entry : entries) {
                    String name = entry.getName();
                    if (stripSignature && SIGNATURE.matcher(name).matches()) {
                        continue;
                    }
                    byte[] bytes = changed.containsKey(name) ? changed.get(name) : read(zip, entry);
                    if (stripSignature && name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        bytes = withoutDigests(bytes);
                    }
                    ZipEntry copy = new ZipEntry(name);
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            move(temp, target);
        }
        return run.outcome(List.of(target));
    }

    /** The counts and problems of one run. */
    private final class Run {
        int instrumented;
        int already;
        final List<Problem> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        /** The instrumented bytes, or null to keep the class as it is. */
        byte[] instrument(ClassInstrumenter instrumenter, byte[] classFile) {
            if (!AnnotationScan.mayContainGenerators(classFile)) {
                return null;
            }
            String[] nameAndSource = nameAndSource(classFile);
            String name = nameAndSource[0];
            String source = nameAndSource[1];
            try {
                ClassInstrumenter.Result result = instrumenter.instrument(classFile);
                if (result == null) {
                    already += ClassInstrumenter.isInstrumented(classFile) ? 1 : 0;
                    return null;
                }
                if (!result.problems().isEmpty()) {
                    result.problems().forEach(p -> problems.add(Problem.of(name, source, p)));
                    return null;
                }
                instrumented++;
                return result.bytes();
            } catch (InstrumentationException e) {
                problems.add(Problem.of(name, source, e.getMessage()));
            } catch (ClassHierarchy.MissingTypeException e) {
                problems.add(Problem.of(name, source, "cannot instrument class " + name.replace('/', '.') + ": "
                        + e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(Problem.of(name, source, "cannot instrument class " + name.replace('/', '.') + ": " + e));
            }
            return null;
        }

        Outcome outcome(List<Path> written) {
            return new Outcome(problems.isEmpty() ? instrumented : 0, already, List.copyOf(written),
                    List.copyOf(problems), List.copyOf(warnings));
        }
    }

    private ClassHierarchy hierarchy(Function<String, InputStream> classBytes) {
        return new ClassHierarchy(classBytes, missingHint);
    }

    private InputStream fromClassPath(String internalName) {
        InputStream in = classPath.getResourceAsStream(internalName + ".class");
        return in != null ? in : ClassLoader.getSystemResourceAsStream(internalName + ".class");
    }

    /** A class as the JVM of {@code version} sees the multi-release jar: newest versioned entry first. */
    private InputStream fromJar(ZipFile zip, String internalName, int version) {
        for (int v = version; v >= 9; v--) {
            ZipEntry e = zip.getEntry("META-INF/versions/" + v + "/" + internalName + ".class");
            if (e != null) {
                return new ByteArrayInputStream(read(zip, e));
            }
        }
        ZipEntry e = zip.getEntry(internalName + ".class");
        return e != null ? new ByteArrayInputStream(read(zip, e)) : fromClassPath(internalName);
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] nameAndSource(byte[] classFile) {
        String[] result = new String[2];
        new ClassReader(classFile).accept(new ClassVisitor(Names.ASM_API) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                result[0] = name;
            }

            @Override
            public void visitSource(String source, String debug) {
                result[1] = source;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return result;
    }

    /** The manifest without the per-entry digests of a signature that no longer holds. */
    private static byte[] withoutDigests(byte[] manifestBytes) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(manifestBytes));
        manifest.getEntries().values().forEach(a -> a.keySet().removeIf(k -> k.toString().endsWith("-Digest")));
        manifest.getEntries().values().removeIf(Attributes::isEmpty);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static void writeAtomically(Path dest, byte[] bytes) throws IOException {
        Path parent = dest.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".gen4j-", ".class.tmp");
        try {
            Files.write(temp, bytes);
            move(temp, dest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
