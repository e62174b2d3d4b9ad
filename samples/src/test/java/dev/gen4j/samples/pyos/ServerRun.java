package dev.gen4j.samples.pyos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs a server command on its own thread, with what it prints kept in {@link LineLog}s so that
 * a test can wait for a line. The server says where it listens on standard error.
 */
final class ServerRun {
    private static final Pattern LISTENING = Pattern.compile("listening on ([^ ]+):(\\d+)$");

    final LineLog out = new LineLog();
    final LineLog err = new LineLog();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    private ServerRun() {
    }

    static ServerRun start(Object command, String... args) {
        ServerRun run = new ServerRun();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(run.out, true));
        commandLine.setErr(new PrintWriter(run.err, true));
        Thread server = new Thread(() -> run.exitCode.complete(commandLine.execute(args)), "server");
        server.setDaemon(true);     // A failed test leaves no server running on
        server.start();
        return run;
    }

    /** The port the server listens on, once it does. */
    int port() throws InterruptedException {
        Matcher m = LISTENING.matcher(err.await(line -> LISTENING.matcher(line).find(), 1));
        m.find();
        return Integer.parseInt(m.group(2));
    }

    /** Waits for the server to end, which --clients makes it do, and checks it succeeded. */
    void assertEndsWell() {
        assertEquals(0, exitCode.join(), err::text);
    }
}
