package dev.gen4j.samples.coroutines;

import static dev.gen4j.samples.coroutines.Coroutine.coroutine;

import dev.gen4j.Gen;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * grepclose.py: a coroutine that receives lines, prints those that contain a word, and says
 * goodbye when it is closed ({@code close()} throws {@link GeneratorExit} at its yield).
 */
@Command(name = "grep", mixinStandardHelpOptions = true,
        description = "A coroutine that is sent lines, prints the matching ones and catches close() (seed: grepclose.py).")
public class GrepClose implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Generator
    static Gen<Void> grep(String pattern, PrintWriter out) {
        out.println("Looking for " + pattern);
        try {
            while (true) {
                String line = Yield.now();
                if (line.contains(pattern)) {
                    out.print(line + " ");
                }
            }
        } catch (GeneratorExit e) {
            out.println("Going away. Goodbye");
        }
        return Gen.done();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Gen<Void> g = coroutine(grep("python", out));
        g.send("Yeah, but no, but yeah, but no\n");
        g.send("A series of tubes\n");
        g.send("python generators rock!\n");
        g.close();
        out.flush();
        return 0;
    }
}
