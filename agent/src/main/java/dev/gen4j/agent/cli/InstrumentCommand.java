package dev.gen4j.agent.cli;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.InstrumentationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code instrument <dir|jar>... [--out DIR]}: the agent's rewrite, applied to class files. */
@Command(name = "instrument", mixinStandardHelpOptions = true,
        description = {"Rewrites the @Generator methods of the classes in each directory or jar, in place",
            "or into --out. Classes already instrumented are left as they are, so running it twice is",
            "harmless.",
            "Exit status: 0 done, 1 some method could not be instrumented (reported, its class left",
            "unchanged), 2 bad arguments."})
final class InstrumentCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "<dir|jar>", description = "Class directories or jar files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write here instead of in place: a directory's classes keep their relative paths,"
                    + " a jar keeps its file name.")
    Path out;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH", split = "${sys:path.separator}",
            description = "Where the classes the inputs use can be found (for type analysis).")
    List<Path> classpath = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int instrumented;
    private int problems;

    @Override
    public Integer call() throws IOException {
        for (Path input : inputs) {
            if (!Files.isDirectory(input) && !(Files.isRegularFile(input) && isJar(input))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no such directory or jar file: " + input);
            }
        }
        if (out != null && Files.isRegularFile(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out must be a directory: " + out);
        }
        try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader())) {
            ClassInstrumenter instrumenter = new ClassInstrumenter(ClassHierarchy.of(loader));
            for (Path input : inputs) {
                if (Files.isDirectory(input)) {
                    instrumentDirectory(instrumenter, input, out == null ? input : out);
                } else {
                    instrumentJar(instrumenter, input, out == null ? input : out.resolve(input.getFileName()));
                }
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("gen4j: instrumented " + instrumented + " class" + (instrumented == 1 ? "" : "es")
                + (problems > 0 ? ", " + problems + " problem" + (problems == 1 ? "" : "s") : ""));
        stdout.flush();
        return problems > 0 ? 1 : 0;
    }

    private URL[] urls() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path p : inputs) {
            urls.add(p.toUri().toURL());
        }
        for (Path p : classpath) {
            urls.add(p.toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    private void instrumentDirectory(ClassInstrumenter instrumenter, Path dir, Path target) throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(dir)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : classes) {
            byte[] original = Files.readAllBytes(file);
            byte[] result = instrument(instrumenter, original, file.toString());
            Path dest = target.resolve(dir.relativize(file).toString());
            if (result != null || !dest.equals(file)) {
                Files.createDirectories(dest.getParent());
                Files.write(dest, result != null ? result : original);
            }
        }
    }

    private void instrumentJar(ClassInstrumenter instrumenter, Path jar, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".gen4j-", ".jar");
        try (ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(temp))) {
            zip.stream().forEach(entry -> {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                        byte[] result = instrument(instrumenter, bytes, jar + "!/" + entry.getName());
                        bytes = result != null ? result : bytes;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    zout.putNextEntry(copy);
                    zout.write(bytes);
                    zout.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw e.getCause();
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The instrumented bytes, or null to keep the class as it is. */
    private byte[] instrument(ClassInstrumenter instrumenter, byte[] classFile, String where) {
        try {
            ClassInstrumenter.Result result = instrumenter.instrument(classFile);
            if (result == null) {
                return null;
            }
            if (!result.problems().isEmpty()) {
                result.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p));
                problems += result.problems().size();
                return null;
            }
            instrumented++;
            return result.bytes();
        } catch (InstrumentationException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            problems++;
            return null;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: cannot instrument " + where + ": " + e);
            problems++;
            return null;
        }
    }

    private static boolean isJar(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

}
