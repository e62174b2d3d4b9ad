package dev.gen4j.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the JDK's compiler, against the test's class path, in one
 * compilation task per call (one task for many sources costs far less than a task per source).
 */
final class InMemoryCompiler {
    /** One compilation unit: a top-level class and its source. */
    record Unit(String className, String source) {
    }

    /** Thrown when the sources do not compile: the generator wrote something Java does not accept. */
    static final class CompilationFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String className;

        CompilationFailed(String className, String diagnostics) {
            super(diagnostics);
            this.className = className;
        }

        /** The class of the first error, or null if the error names none. */
        String className() {
            return className;
        }
    }

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ROOT,
            StandardCharsets.UTF_8);
    private final List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-g",
            "-proc:none", "-nowarn", "-Xlint:none", "-implicit:none");

    /** Compiles every unit; returns every class written, binary name to bytes. */
    Map<String, byte[]> compile(List<Unit> units) throws CompilationFailed {
        List<JavaFileObject> sources = new ArrayList<>();
        for (Unit u : units) {
            sources.add(new Source(u.className(), u.source()));
        }
        Map<String, ByteArrayOutputStream> written = new TreeMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        written.put(className, out);
                        return out;
                    }
                };
            }
        };
        StringWriter compilerOutput = new StringWriter();
        boolean ok;
        try {
            ok = compiler.getTask(compilerOutput, files, diagnostics, options, null, sources).call();
        } catch (RuntimeException crash) {
            ok = false;
            compilerOutput.append(crash.toString());
        }
        if (!ok) {
            throw failure(diagnostics, compilerOutput.toString());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        written.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static CompilationFailed failure(DiagnosticCollector<JavaFileObject> diagnostics, String output) {
        StringBuilder report = new StringBuilder(output);
        String first = null;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (first == null && d.getSource() instanceof Source s) {
                first = s.className;
            }
            report.append(d.getSource() instanceof Source s ? s.className : "?").append(':')
                    .append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
        }
        return new CompilationFailed(first, report.toString());
    }

    /** A source held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        final String className;
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.className = className;
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
