package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.testing.Instrumented;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gen-agent.jar instrument}: the same rewrite on class files. */
class AheadOfTimeTest {
    /** The class instrumented ahead of time in these tests. */
    public static final class Sample {
        @Generator
        public static Gen<String> words(String sentence) {
            for (String w : sentence.split(" ")) {
                Yield.now(w);
            }
            return Gen.done(sentence.length());
        }
    }

    /** Keeps a Gen live across a yield: instrumenting it needs gen4j's own type hierarchy. */
    public static final class Chained {
        @Generator
        public static Gen<String> both(String sentence) {
            Gen<String> words = Sample.words(sentence);
            Yield.now("start");
            Yield.from(words);
            return Gen.done();
        }
    }

    /** A type that the tests leave out of the class path. */
    static final class Thing {
        final String name = "thing";
    }

    /** Keeps a Thing live across a yield: instrumenting it needs Thing's class file. */
    public static final class UsesThing {
        @Generator
        public static Gen<String> hold() {
            Thing t = new Thing();
            Yield.now("held");
            Yield.now(t.name);
            return Gen.done();
        }
    }

    private static final String SAMPLE_PATH = "dev/gen4j/rewrite/AheadOfTimeTest$Sample.class";
    private static final String CHAINED_PATH = "dev/gen4j/rewrite/AheadOfTimeTest$Chained.class";
    private static final String USES_THING_PATH = "dev/gen4j/rewrite/AheadOfTimeTest$UsesThing.class";
    private static final String THING_PATH = "dev/gen4j/rewrite/AheadOfTimeTest$Thing.class";

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
    }

    static Run agent(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("gen4j.agent.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    private Path copySample(Path root) throws IOException {
        Path target = root.resolve(SAMPLE_PATH);
        Files.createDirectories(target.getParent());
        Files.write(target, Instrumented.originalBytes(Sample.class));
        return target;
    }

    @Test
    void instrumentsADirectoryInPlaceAndOnlyOnce() throws Exception {
        Path file = copySample(dir);
        Run first = agent("instrument", dir.toString());
        assertEquals(0, first.exit(), first.stderr());
        assertEquals("gen4j: instrumented 1 class\n", first.stdout());
        byte[] once = Files.readAllBytes(file);
        assertTrue(ClassInstrumenter.isInstrumented(once));

        Run second = agent("instrument", dir.toString());
        assertEquals(0, second.exit(), second.stderr());
        assertEquals("gen4j: instrumented 0 classes, 1 already instrumented\n", second.stdout());
        assertArrayEquals(once, Files.readAllBytes(file));
        assertRuns(once);
    }

    @Test
    void writesToAnotherDirectoryLeavingTheInputAlone() throws Exception {
        Path in = dir.resolve("in");
        Path original = copySample(in);
        byte[] before = Files.readAllBytes(original);
        Path out = dir.resolve("out");
        Run run = agent("instrument", in.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(before, Files.readAllBytes(original));
        assertRuns(Files.readAllBytes(out.resolve(SAMPLE_PATH)));
    }

    @Test
    void instrumentsAJar() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(SAMPLE_PATH));
            zip.write(Instrumented.originalBytes(Sample.class));
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("kept".getBytes(StandardCharsets.UTF_8));
        }
        Run run = agent("instrument", jar.toString());
        assertEquals(0, run.exit(), run.stderr());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertEquals("kept", new String(zip.getInputStream(zip.getEntry("README.txt")).readAllBytes(),
                    StandardCharsets.UTF_8));
            assertRuns(zip.getInputStream(zip.getEntry(SAMPLE_PATH)).readAllBytes());
        }
    }

    @Test
    void aClassThatCannotBeInstrumentedIsReportedAndLeftAlone() throws Exception {
        Path target = dir.resolve("dev/gen4j/rewrite/RefusalsTest.class");
        Files.createDirectories(target.getParent());
        byte[] original = Instrumented.originalBytes(RefusalsTest.class);
        Files.write(target, original);
        Run run = agent("instrument", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("error: cannot instrument dev.gen4j.rewrite.RefusalsTest.yieldInSynchronizedBlock()"
                + " (RefusalsTest.java:"), run.stderr());
        assertArrayEquals(original, Files.readAllBytes(target));
    }

    @Test
    void badArgumentsExitWithStatus2AndOneClearLine() throws Exception {
        Run missing = agent("instrument", dir.resolve("nowhere").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.stderr().startsWith("error: no such directory or jar file: "), missing.stderr());
        Run unknown = agent("instrument", "--bogus", dir.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.stderr().startsWith("error: Unknown option: '--bogus'"), unknown.stderr());
        Run noCommand = agent();
        assertEquals(2, noCommand.exit());
        Run help = agent("instrument", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("--out=DIR"), help.stdout());
    }

    @Test
    void gen4jsOwnTypesNeedNoClassPath() throws Exception {
        Path file = copy(dir, CHAINED_PATH, Chained.class);
        Run run = agent("instrument", dir.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("gen4j: instrumented 1 class\n", run.stdout());
        assertTrue(ClassInstrumenter.isInstrumented(Files.readAllBytes(file)));
    }

    @Test
    void aMissingTypeIsNamedWithTheMethodItsLineAndTheFix() throws Exception {
        Path classes = dir.resolve("classes");
        Path file = copy(classes, USES_THING_PATH, UsesThing.class);
        byte[] original = Files.readAllBytes(file);
        Run run = agent("instrument", classes.toString());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().startsWith("error: cannot instrument dev.gen4j.rewrite.AheadOfTimeTest$UsesThing.hold()"
                + " (AheadOfTimeTest.java:"), run.stderr());
        assertTrue(run.stderr().contains("): class dev.gen4j.rewrite.AheadOfTimeTest$Thing not found;"
                + " add it with --classpath"), run.stderr());
        assertArrayEquals(original, Files.readAllBytes(file));

        Path lib = dir.resolve("lib");
        copy(lib, THING_PATH, Thing.class);
        Run withClassPath = agent("instrument", classes.toString(), "--classpath", lib.toString());
        assertEquals(0, withClassPath.exit(), withClassPath.stderr());
        assertTrue(ClassInstrumenter.isInstrumented(Files.readAllBytes(file)));
    }

    @Test
    void aDirectoryWithAClassThatCannotBeInstrumentedIsLeftEntirelyUnchanged() throws Exception {
        Path good = copySample(dir);
        byte[] goodBefore = Files.readAllBytes(good);
        Path bad = copy(dir, "dev/gen4j/rewrite/RefusalsTest.class", RefusalsTest.class);
        byte[] badBefore = Files.readAllBytes(bad);
        Run run = agent("instrument", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("error: " + dir + " is left unchanged"), run.stderr());
        assertArrayEquals(goodBefore, Files.readAllBytes(good));
        assertArrayEquals(badBefore, Files.readAllBytes(bad));
    }

    @Test
    void aJarWithAClassThatCannotBeInstrumentedIsLeftByteForByte() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(SAMPLE_PATH));
            zip.write(Instrumented.originalBytes(Sample.class));
            zip.putNextEntry(new ZipEntry("dev/gen4j/rewrite/RefusalsTest.class"));
            zip.write(Instrumented.originalBytes(RefusalsTest.class));
        }
        byte[] before = Files.readAllBytes(jar);
        Run run = agent("instrument", jar.toString());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("error: " + jar + " is left unchanged"), run.stderr());
        assertArrayEquals(before, Files.readAllBytes(jar));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(jar), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aSecondRunOnAJarDoesNotWriteIt() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(SAMPLE_PATH));
            zip.write(Instrumented.originalBytes(Sample.class));
        }
        assertEquals(0, agent("instrument", jar.toString()).exit());
        java.nio.file.attribute.FileTime first = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(jar, first);
        byte[] once = Files.readAllBytes(jar);
        Run second = agent("instrument", jar.toString());
        assertEquals(0, second.exit(), second.stderr());
        assertEquals("gen4j: instrumented 0 classes, 1 already instrumented\n", second.stdout());
        assertArrayEquals(once, Files.readAllBytes(jar));
        assertEquals(first, Files.getLastModifiedTime(jar));
    }

    @Test
    void theVersionedClassesOfAMultiReleaseJarResolveAndAreInstrumented() throws Exception {
        Path jar = dir.resolve("mr.jar");
        String versioned = "META-INF/versions/11/";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\nMulti-Release: true\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(SAMPLE_PATH));
            zip.write(Instrumented.originalBytes(Sample.class));
            // Thing exists only in the versioned part: resolving it needs that version's view of the jar.
            zip.putNextEntry(new ZipEntry(versioned + USES_THING_PATH));
            zip.write(Instrumented.originalBytes(UsesThing.class));
            zip.putNextEntry(new ZipEntry(versioned + THING_PATH));
            zip.write(Instrumented.originalBytes(Thing.class));
        }
        Run run = agent("instrument", jar.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("gen4j: instrumented 2 classes\n", run.stdout());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(ClassInstrumenter.isInstrumented(zip.getInputStream(zip.getEntry(SAMPLE_PATH)).readAllBytes()));
            assertTrue(ClassInstrumenter.isInstrumented(
                    zip.getInputStream(zip.getEntry(versioned + USES_THING_PATH)).readAllBytes()));
        }
    }

    @Test
    void aSignedJarLosesItsSignatureWithAWarningAndStillLoads() throws Exception {
        Path jar = dir.resolve("signed.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(SAMPLE_PATH));
            zip.write(Instrumented.originalBytes(Sample.class));
        }
        Path keystore = dir.resolve("keys.p12");
        tool("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storepass", "secret", "-keypass", "secret",
                "-alias", "test", "-keyalg", "EC", "-dname", "CN=test", "-validity", "2");
        tool("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret", jar.toString(), "test");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith(".SF")), "the jar was not signed");
        }

        Run run = agent("instrument", jar.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(run.stderr().startsWith("warning: " + jar + " was signed; its signature is removed"), run.stderr());
        try (java.util.jar.JarFile verified = new java.util.jar.JarFile(jar.toFile(), true)) {
            assertTrue(verified.stream().noneMatch(e -> e.getName().matches("META-INF/.*\\.(SF|EC|RSA|DSA)")));
            byte[] instrumented = verified.getInputStream(verified.getEntry(SAMPLE_PATH)).readAllBytes();
            assertTrue(verified.getManifest().getEntries().isEmpty(), verified.getManifest().getEntries().toString());
            assertRuns(instrumented);
        }
    }

    private static void tool(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", name).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), name + ": " + out);
    }

    private static Path copy(Path root, String path, Class<?> type) throws IOException {
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        Files.write(target, Instrumented.originalBytes(type));
        return target;
    }

    /** Loads the instrumented class in a fresh loader (the agent skips marked classes) and runs it. */
    private static void assertRuns(byte[] instrumented) throws Exception {
        Map<String, byte[]> classes = new java.util.HashMap<>(Instrumented.frameClasses(node(instrumented)));
        classes.put(Sample.class.getName(), instrumented);
        ClassLoader loader = new Instrumented.ClassesLoader(classes, AheadOfTimeTest.class.getClassLoader());
        Class<?> sample = loader.loadClass(Sample.class.getName());
        assertFalse(sample == Sample.class);
        Gen<?> g = (Gen<?>) sample.getMethod("words", String.class).invoke(null, "one two");
        assertEquals(List.of("one", "two"), g.stream().toList());
        assertEquals(7, (int) g.result());
    }

    private static org.objectweb.asm.tree.ClassNode node(byte[] bytes) {
        org.objectweb.asm.tree.ClassNode n = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(bytes).accept(n, 0);
        return n;
    }
}
