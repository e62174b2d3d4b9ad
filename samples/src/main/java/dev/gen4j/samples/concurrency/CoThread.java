package dev.gen4j.samples.concurrency;

import static dev.gen4j.samples.coroutines.Coroutine.coroutine;

import dev.gen4j.Gen;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.xml.AllRoutes;
import dev.gen4j.samples.xml.Buses;
import dev.gen4j.samples.xml.CoSax;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * cothread.py: a coroutine whose target runs in another thread. What is sent to it goes through
 * a queue to a thread that sends it on to the target; closing it closes the target in that thread.
 */
@Command(name = "cothread", mixinStandardHelpOptions = true,
        description = {"The bus pipeline with its filters and printer in a thread, fed through a queue.",
                "Seed: cothread.py."})
public class CoThread implements Callable<Integer> {
    /** Tells the thread to close the target: the seed puts the GeneratorExit class on the queue. */
    private static final Object CLOSE = GeneratorExit.class;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "The bus feed to read (default: the allroutes.xml shipped in samples.jar).")
    Path file;

    @Spec
    CommandSpec spec;

    /**
     * Hands what it receives to a thread that sends it to {@code target}. Closing it closes the
     * target and waits for the thread to end: Python waits for its threads when the program
     * exits, Java's command would otherwise return before the thread has printed.
     */
    @Generator
    public static Gen<Void> threaded(Gen<?> target) throws InterruptedException {
        BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        Thread thread = new Thread(() -> runTarget(messages, target), "threaded-target");
        thread.start();
        try {
            while (true) {
                Object item = Yield.now();
                messages.add(item);
            }
        } catch (GeneratorExit e) {
            messages.add(CLOSE);
            thread.join();
        }
        return Gen.done();
    }

    private static void runTarget(BlockingQueue<Object> messages, Gen<?> target) {
        try {
            while (true) {
                Object item = messages.take();
                if (item == CLOSE) {
                    target.close();
                    return;
                }
                target.send(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Integer call() throws IOException, SAXException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Gen<Void> thread = coroutine(threaded(Buses.route22NorthBound(out)));
        try (InputStream in = AllRoutes.open(file)) {
            CoSax.parse(in, new CoSax.EventHandler(coroutine(Buses.busesToDicts(thread))));
        } finally {
            // Python closes it when the pipeline is garbage-collected at exit
            thread.close();
        }
        out.flush();
        return 0;
    }
}
