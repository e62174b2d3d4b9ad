package dev.gen4j.samples.concurrency;

import static dev.gen4j.samples.coroutines.Coroutine.coroutine;

import dev.gen4j.Gen;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.xml.AllRoutes;
import dev.gen4j.samples.xml.Buses;
import dev.gen4j.samples.xml.CoSax;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * coprocess.py: a coroutine whose target runs in a child JVM. The items sent to it are
 * serialized down a pipe to the child's standard input, where {@link BusProc} reads them and
 * sends them to the filters and printer (busproc.py).
 */
@Command(name = "coprocess", mixinStandardHelpOptions = true,
        description = {"The bus pipeline with its filters and printer in a child JVM, fed through a pipe.",
                "Seed: coprocess.py and busproc.py."})
public class CoProcess implements Callable<Integer> {
    /** What may come down the pipe: the bus maps and their strings. */
    private static final ObjectInputFilter BUS_RECORDS =
            ObjectInputFilter.Config.createFilter(
                    "java.util.LinkedHashMap;java.util.HashMap;java.util.Map$Entry;java.lang.String;!*");

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "The bus feed to read (default: the allroutes.xml shipped in samples.jar).")
    Path file;

    @Spec
    CommandSpec spec;

    /**
     * Serializes what it receives to {@code f}. Closing it closes {@code f}, which ends the
     * child's input (the seed catches StopIteration here, which close() never raises in Python 3,
     * and leaves the pipe to be closed when the program exits).
     */
    @Generator
    public static Gen<Void> sendto(ObjectOutputStream f) throws IOException {
        try {
            while (true) {
                Object item = Yield.now();
                f.writeObject(item);
                f.reset();
                f.flush();
            }
        } catch (GeneratorExit e) {
            f.close();
        }
        return Gen.done();
    }

    /** Reads serialized items from {@code f} and sends them to {@code target}; closes it at the end. */
    public static void recvfrom(InputStream f, Gen<?> target) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(f);
        in.setObjectInputFilter(BUS_RECORDS);
        while (true) {
            Object item;
            try {
                item = in.readObject();
            } catch (EOFException end) {
                target.close();
                return;
            }
            target.send(item);
        }
    }

    @Override
    public Integer call() throws IOException, SAXException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Process p = new ProcessBuilder(childCommand(ManagementFactory.getRuntimeMXBean().getInputArguments()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread copier = copyOutput(p, out);
        Gen<Void> sender = coroutine(sendto(new ObjectOutputStream(new BufferedOutputStream(p.getOutputStream()))));
        try (InputStream in = AllRoutes.open(file)) {
            CoSax.parse(in, new CoSax.EventHandler(coroutine(Buses.busesToDicts(sender))));
        } finally {
            // Python closes it when the pipeline is garbage-collected at exit
            sender.close();
        }
        int status = p.waitFor();
        copier.join();
        out.flush();
        if (status != 0) {
            spec.commandLine().getErr().println("coprocess: the bus processor exited with status " + status);
            return 1;
        }
        return 0;
    }

    /**
     * {@code java [-javaagent:...] -cp <our class path> BusProc}: the child runs the same
     * (instrumented) classes, with the Java agents this JVM was started with, if any: gen4j's
     * for classes that were not instrumented ahead of time, a coverage agent for the child too.
     */
    static List<String> childCommand(List<String> ourJvmArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ourJvmArguments) {
            if (arg.startsWith("-javaagent:")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BusProc.class.getName());
        return command;
    }

    /** Copies what the child prints to {@code out}, as it comes. */
    private static Thread copyOutput(Process p, PrintWriter out) {
        Thread copier = new Thread(() -> {
            try (Reader from = new InputStreamReader(p.getInputStream(), Charset.defaultCharset())) {
                char[] buffer = new char[8192];
                for (int n; (n = from.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "coprocess-output");
        copier.start();
        return copier;
    }
}
