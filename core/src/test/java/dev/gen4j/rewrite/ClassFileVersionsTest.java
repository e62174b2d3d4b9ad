package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.testing.Instrumented;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Class files from Java 8 to Java 25 are instrumented, verified and (where the JVM can) run. */
class ClassFileVersionsTest {
    private static final String SOURCE = """
            package versions;
            import dev.gen4j.*;
            public class Squares {
                @Generator
                public static Gen<Long> squares(int n, String label) {
                    long total = 0;
                    for (int i = 1; i <= n; i++) {
                        long sq = (long) i * i;
                        try {
                            total += sq;
                            Yield.now(sq);
                        } finally {
                            total += 0;
                        }
                    }
                    return Gen.done(label + total);
                }
            }
            """;

    @ParameterizedTest
    @ValueSource(ints = {8, 11, 17})
    void compiledForRelease(int release) throws Exception {
        byte[] bytes = compile(release);
        assertEquals(44 + release, majorVersion(bytes));
        assertInstrumentsVerifiesAndRuns(bytes, true);
    }

    @Test
    void java25ClassFiles() throws Exception {
        byte[] bytes = compile(17);
        bytes[6] = 0;
        bytes[7] = 69; // major version of Java 25
        assertInstrumentsVerifiesAndRuns(bytes, Runtime.version().feature() >= 25);
    }

    private void assertInstrumentsVerifiesAndRuns(byte[] bytes, boolean run) throws Exception {
        Instrumented.Emitted e = Instrumented.instrument(bytes, getClass().getClassLoader());
        assertTrue(e.problems().isEmpty(), e.problems().toString());
        assertTrue(majorVersion(e.host()) >= 52, "raised to at least Java 8");
        Instrumented.verify(e, getClass().getClassLoader());
        if (!run) {
            return;
        }
        ClassLoader loader = new Instrumented.ClassesLoader(e.allClasses(), getClass().getClassLoader());
        Gen<?> g = (Gen<?>) loader.loadClass("versions.Squares").getMethod("squares", int.class, String.class)
                .invoke(null, 3, "sum=");
        assertEquals(List.of(1L, 4L, 9L), g.stream().toList());
        assertEquals("sum=14", g.result());
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    /** Compiles {@link #SOURCE} in memory for the given release. */
    static byte[] compile(int release) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject source = new SimpleJavaFileObject(URI.create("mem:///versions/Squares.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return SOURCE;
            }
        };
        List<String> options = List.of("--release", String.valueOf(release), "-g", "-Xlint:-options",
                "-classpath", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(null, files, null, options, null, List.of(source)).call();
        assertTrue(ok, "compilation for release " + release);
        return out.get("versions.Squares").toByteArray();
    }
}
