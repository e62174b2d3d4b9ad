package dev.gen4j.bench.echo;

import java.net.InetSocketAddress;

/**
 * The {@code [--host H] [--port P]} command line of the baseline servers, with the defaults of
 * the gen4j echo sample; port 0 picks a free port, which the server prints as it starts.
 */
record ListenAddress(String host, int port) {
    /** As many pending connections as the gen4j echo sample allows. */
    static final int BACKLOG = 1024;

    static ListenAddress parse(String serverName, String[] args) {
        String host = "127.0.0.1";
        int port = 25000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = port(serverName, args[i + 1]);
                default -> usage(serverName, "unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            usage(serverName, "missing value after " + args[args.length - 1]);
        }
        return new ListenAddress(host, port);
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** What the driver script waits for: the same line as the gen4j echo sample's. */
    static String listeningLine(InetSocketAddress bound) {
        return "Listening on " + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    private static int port(String serverName, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 0xFFFF) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        usage(serverName, "--port must be from 0 to 65535, not '" + value + "'");
        return -1;
    }

    private static void usage(String serverName, String problem) {
        System.err.println(serverName + ": " + problem);
        System.err.println("usage: " + serverName + " [--host H] [--port P]");
        System.exit(2);
    }
}
