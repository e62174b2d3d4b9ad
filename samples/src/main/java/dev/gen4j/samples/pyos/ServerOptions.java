package dev.gen4j.samples.pyos;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the seed's echo servers, and the listening socket they describe. The socket is
 * opened before the run, not inside the server task as in the seed, so that a port in use is a
 * clear error instead of a failed task.
 */
final class ServerOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "45000",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}, the seed's).")
    int port;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "0",
            description = "Stop once N clients have been served and closed (default: never, as the seed).")
    long clients;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Listens; says where on {@code err}, which with {@code --port 0} is the only way to know.
     *
     * @throws ParameterException if the options are wrong or the address cannot be listened on
     */
    ServerSocketChannel listen(int backlog, boolean blocking, PrintWriter err) throws IOException {
        InetSocketAddress address = address();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, backlog);
            server.configureBlocking(blocking);
        } catch (IOException e) {
            server.close();
            throw new ParameterException(spec.commandLine(), "cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
        err.println(spec.qualifiedName() + ": listening on " + bound.getAddress().getHostAddress() + ":" + bound.getPort());
        err.flush();
        return server;
    }

    private InetSocketAddress address() {
        if (port < 0 || port > 0xFFFF) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        if (clients < 0) {
            throw new ParameterException(spec.commandLine(), "--clients must be 0 or more, not " + clients);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new ParameterException(spec.commandLine(), "unknown host '" + host + "'");
        }
        return address;
    }
}
