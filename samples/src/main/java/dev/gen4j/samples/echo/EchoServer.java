package dev.gen4j.samples.echo;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
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
 */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = {"The concurrent echo server: each chunk a client sends comes back as GOT:<chunk>.",
            "Prints 'Listening on HOST:PORT' first, then 'Connection from ...' and 'Connection closed' for each client",
            "(not with --quiet); printing never makes the server wait, even when nobody reads its output."})
public final class EchoServer implements Callable<Integer> {
    /** The most a handler reads at once, as the seed's {@code client.recv(1000)}. */
    static final int CHUNK = 1000;
    private static final byte[] GOT = "GOT:".getBytes(StandardCharsets.US_ASCII);
    private static final int BACKLOG = 1024;
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
            scheduler.spawn(acceptClients(server, new LineLog(System.out, quiet), new LineLog(System.err, false)));
            scheduler.run();
        }
        return 0;
    }

    @Generator
    static Gen<Void> acceptClients(ServerSocketChannel server, LineLog log, LineLog errors) {
        long lastReport = System.nanoTime() - ACCEPT_REPORT_NANOS;
        int unreported = 0;
        for (;;) {
            SocketChannel client;
            try {
                client = Yield.from(Net.accept(server));
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
                continue;
            }
            Yield.now(Sys.spawn(echo(client, log)));
        }
    }

    @Generator
    static Gen<Void> echo(SocketChannel client, LineLog log) {
        log.print("Connection from " + peerOf(client));
        ByteBuffer buffer = ByteBuffer.allocate(GOT.length + CHUNK);
        try (client) {
            for (;;) {
                buffer.clear().put(GOT);
                int n = Yield.from(Net.read(client, buffer));
                if (n < 0) {
                    break;
                }
                Yield.from(Net.writeAll(client, buffer.flip()));
            }
        } catch (IOException e) {
            // Reset by the client, or gone: closed all the same.
        }
        log.print("Connection closed");
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
