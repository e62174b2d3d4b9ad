package dev.gen4j.samples.echo;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Io;
import dev.gen4j.sched.Net;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A concurrent echo server: one task accepts connections, one task per client answers each chunk
 * it receives with {@code GOT:} and the chunk, all on one thread (seed: server.py).
 *
 * <p>A handler reads the next chunk only once the previous answer is fully written, so a client
 * that does not read its answers stops being read from: the server never holds more than one
 * chunk per client.
 *
 * <p>Serving a chunk allocates nothing: a handler waits on one {@link Io} it keeps, reads into a
 * buffer all handlers share (a chunk is read and written in the same turn, so it is never needed
 * past that turn) and writes from it; only an answer the client is slow to take is copied aside.
 * The acceptor takes every connection waiting when the server becomes readable, and adds each
 * handler to the scheduler without giving up its turn, as the seed's {@code tasks.append}: a
 * burst of connections is taken in one turn, not one a pass.
 */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = {"The concurrent echo server: each chunk a client sends comes back as GOT:<chunk>.",
            "Prints 'Listening on HOST:PORT' first, then 'Connection from ...' and 'Connection closed' for each client",
            "(not with --quiet); printing never makes the server wait, even when nobody reads its output."})
public final class EchoServer implements Callable<Integer> {
    /** The most a handler reads at once, as the seed's {@code client.recv(1000)}. */
    static final int CHUNK = 1000;
    private static final byte[] GOT = "GOT:".getBytes(StandardCharsets.US_ASCII);
    static final int BACKLOG = 1024;
    /** How long to wait before accepting again after accept failed (out of file descriptors). */
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "25000",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--quiet", description = "Do not print a line for each connection.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** How often at most a failing accept is reported: it may fail thousands of times a second. */
    private static final long ACCEPT_REPORT_NANOS = Duration.ofSeconds(1).toNanos();

    @Override
    public Integer call() throws IOException {
        try (ServerSocketChannel server = listen(); Scheduler scheduler = new Scheduler()) {
            System.out.println("Listening on " + hostAndPort(server.getLocalAddress()));
            Handlers handlers = new Handlers(scheduler, new LineLog(System.out, quiet));
            scheduler.spawn(acceptClients(server, handlers, new LineLog(System.err, false)));
            scheduler.run();
        }
        return 0;
    }

    /** Starts a handler task for each connection, on one scheduler; the buffer they share. */
    static final class Handlers {
        private final Scheduler scheduler;
        private final LineLog log;
        /** {@code GOT:} at its start; chunks are read in right after it. */
        private final ByteBuffer shared = ByteBuffer.allocateDirect(GOT.length + CHUNK).put(GOT);

        Handlers(Scheduler scheduler, LineLog log) {
            this.scheduler = scheduler;
            this.log = log;
        }

        /**
         * Takes every connection waiting on {@code server} (at most {@value EchoServer#BACKLOG}, so that the
         * other tasks get their turn even while connections keep coming) and adds a handler task
         * for each; returns how many. The caller keeps its turn.
         *
         * @throws IOException if accept fails (out of file descriptors, say)
         */
        int acceptWaiting(ServerSocketChannel server) throws IOException {
            int accepted = 0;
            for (SocketChannel client; accepted < BACKLOG && (client = server.accept()) != null; accepted++) {
                scheduler.spawn(echo(client, this));
            }
            return accepted;
        }
    }

    @Generator
    static Gen<Void> acceptClients(ServerSocketChannel server, Handlers handlers, LineLog errors) throws IOException {
        server.configureBlocking(false);
        Io acceptable = Io.readable(server);
        long lastReport = System.nanoTime() - ACCEPT_REPORT_NANOS;
        int unreported = 0;
        for (;;) {
            Yield.now(acceptable);
            try {
                handlers.acceptWaiting(server);
            } catch (IOException e) {
                // Out of file descriptors, say: the clients already connected go on meanwhile.
                unreported++;
                long now = System.nanoTime();
                if (now - lastReport >= ACCEPT_REPORT_NANOS) {
                    errors.print("echo: cannot accept a connection: " + e.getMessage()
                            + (unreported > 1 ? " (" + unreported + " times since the last report)" : ""));
                    lastReport = now;
                    unreported = 0;
                }
                Yield.now(Sys.sleep(ACCEPT_RETRY));
            }
        }
    }

    /**
     * Answers each chunk {@code client} sends, through the buffer of {@code handlers}, until the
     * client closes. (One parameter for the buffer and the log keeps the suspended handler small.)
     */
    @Generator
    static Gen<Void> echo(SocketChannel client, Handlers handlers) {
        handlers.log.print("Connection from " + peerOf(client));
        try (client) {
            client.configureBlocking(false);
            Io readable = Io.readable(client);
            for (;;) {
                Yield.now(readable);
                // Taken afresh each time: a local live across the yield would be saved in every handler.
                ByteBuffer shared = handlers.shared;
                int n = client.read(shared.clear().position(GOT.length));
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    client.write(shared.flip());
                    if (shared.hasRemaining()) {
                        Yield.from(writeRest(client, shared));
                    }
                }
            }
        } catch (IOException e) {
            // Reset by the client, or gone: closed all the same.
        }
        handlers.log.print("Connection closed");
        return Gen.done();
    }

    /** The client takes its answer slowly: the rest is copied out of the shared buffer and written in full. */
    @Generator
    static Gen<Void> writeRest(SocketChannel client, ByteBuffer shared) throws IOException {
        ByteBuffer rest = ByteBuffer.allocate(shared.remaining()).put(shared).flip();
        Yield.from(Net.writeAll(client, rest));
        return Gen.done();
    }

    private ServerSocketChannel listen() throws IOException {
        if (port < 0 || port > 0xFFFF) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new ParameterException(spec.commandLine(), "unknown host '" + host + "'");
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, BACKLOG);
            return server;
        } catch (IOException e) {
            server.close();
            throw new ParameterException(spec.commandLine(),
                    "cannot listen on " + hostAndPort(address) + ": " + e.getMessage());
        }
    }

    private static String peerOf(SocketChannel client) {
        try {
            return hostAndPort(client.getRemoteAddress());
        } catch (IOException e) {
            return "an unknown address (" + e.getMessage() + ")";
        }
    }

    private static String hostAndPort(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        String host = inet.getAddress().getHostAddress();
        return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
}
