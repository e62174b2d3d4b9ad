package dev.gen4j.samples.protocol;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import java.io.PrintWriter;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Generators as actors ("Generators: The Final Frontier", part 6): ping and pong send each other
 * a growing number. With a registry that sends at once the exchange recurses and fails; as tasks
 * of a scheduler with a {@code Mailbox} each, it runs as long as one likes.
 */
@Command(name = "actors", mixinStandardHelpOptions = true,
        description = {"Ping-pong between two generator actors, each a task with a mailbox.",
                "With --recursive, through direct sends, which fail: 'generator already executing'."})
public class Actors implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", description = "How many messages to deliver (default: ${DEFAULT-VALUE}).")
    long count = 20;

    @Option(names = "--recursive", description = "Send directly (attempt 1), which fails at once.")
    boolean recursive;

    @Spec
    CommandSpec spec;

    @Generator
    static Gen<Void> ping(ActorRegistry actors, PrintWriter out) {
        while (true) {
            int n = Yield.now();
            out.println("ping " + n);
            actors.send("pong", n + 1);
        }
    }

    @Generator
    static Gen<Void> pong(ActorRegistry actors, PrintWriter out) {
        while (true) {
            int n = Yield.now();
            out.println("pong " + n);
            actors.send("ping", n + 1);
        }
    }

    /** An actor on the scheduler: takes from its box, prints, sends the next number to its peer. */
    @Generator
    static Gen<Void> actor(String name, String peer, PostOffice post, PrintWriter out) {
        try {
            while (true) {
                int n = Yield.now(post.box(name).take());
                if (!post.deliver()) {
                    return Gen.done();
                }
                out.println(name + " " + n);
                Yield.now(post.box(peer).put(n + 1));
            }
        } catch (NoSuchElementException boxClosed) {
            return Gen.done();
        }
    }

    @Generator
    static Gen<Void> send(PostOffice post, String name, int msg) {
        Yield.now(post.box(name).put(msg));
        return Gen.done();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (recursive) {
                DirectRegistry actors = start(new DirectRegistry(), out);
                actors.send("ping", 0);
            } else {
                PostOffice post = new PostOffice(count);
                try (Scheduler scheduler = new Scheduler()) {
                    scheduler.spawn(actor("ping", "pong", post, out));
                    scheduler.spawn(actor("pong", "ping", post, out));
                    scheduler.spawn(send(post, "ping", 0));
                    scheduler.run();
                }
            }
        } catch (IllegalStateException e) {
            // What the seed shows: Python's "ValueError: generator already executing"
            out.flush();
            spec.commandLine().getErr().println(e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }

    private static DirectRegistry start(DirectRegistry actors, PrintWriter out) {
        actors.actor("ping", ping(actors, out));
        actors.actor("pong", pong(actors, out));
        return actors;
    }
}
