package dev.gen4j.bench.echo;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closed-loop load for an echo server that answers each chunk with {@code GOT:} + the chunk:
 * each of C connections sends one message, waits for its whole reply, checks it byte for byte,
 * and sends the next. One thread drives every connection through one selector.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gen4j.bench.echo.EchoLoadClient \
 *     --port 25000 --connections 16 --warmup 5 --seconds 10
 * </pre>
 *
 * <p>Prints {@code measure start} and {@code measure end} as the measured interval begins and
 * ends (so that a driver can sample the server's CPU time then), and last one line
 * {@code result key=value ...}: round trips, round trips per second, p50 and p99 latency in
 * microseconds, errors, and the fewest and most round trips of one connection. Exits with 1
 * if any reply was wrong or a connection failed; that connection stops, the others go on.
 */
public final class EchoLoadClient {
    /** More than one client thread can complete per second on this kind of machine. */
    private static final int MAX_EXPECTED_PER_SECOND = 500_000;

    private final Settings settings;
    private final Selector selector;
    private final List<EchoConnection> connections = new ArrayList<>();
    /** Where replies are read; a reply is checked as it comes, so one buffer serves all. */
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
    private final LatencyRecorder latencies;
    private final Consumer<SelectionKey> onReady = this::onReady;
    private long measureFrom;
    private long measureTo;
    /** This process's CPU time over the measured interval: near 100% says the client is the limit. */
    private long clientCpuNanos;
    private int live;
    private int errors;

    private EchoLoadClient(Settings settings) throws IOException {
        this.settings = settings;
        this.selector = Selector.open();
        this.latencies = new LatencyRecorder((int) Math.min(Integer.MAX_VALUE - 8,
                (long) settings.seconds * MAX_EXPECTED_PER_SECOND));
    }

    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("EchoLoadClient: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        EchoLoadClient client = new EchoLoadClient(settings);
        int errors = client.run();
        System.exit(errors == 0 ? 0 : 1);
    }

    private int run() throws IOException {
        connectAll();
        long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds);
        measureTo = measureFrom + TimeUnit.SECONDS.toNanos(settings.seconds);
        for (EchoConnection connection : connections) {
            try {
                connection.sendNext(System.nanoTime());
            } catch (IOException e) {
                fail(connection, e);
            }
        }
        boolean measuring = false;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (long now = System.nanoTime(); now < measureTo && live > 0; now = System.nanoTime()) {
            if (!measuring && now >= measureFrom) {
                measuring = true;
                clientCpuNanos = -os.getProcessCpuTime();
                System.out.println("measure start");
            }
            long untilNextPhase = (measuring ? measureTo : measureFrom) - now;
            selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNextPhase)));
        }
        clientCpuNanos += os.getProcessCpuTime();
        System.out.println("measure end");
        for (EchoConnection connection : connections) {
            connection.close();
        }
        printResult();
        return errors;
    }

    private void connectAll() throws IOException {
        InetSocketAddress server = new InetSocketAddress(settings.host, settings.port);
        for (int i = 0; i < settings.connections; i++) {
            connections.add(EchoConnection.open(selector, server, i, settings.messageSize));
        }
        live = connections.size();
        System.out.println("connected " + live + " connections to " + server);
    }

    private void onReady(SelectionKey key) {
        EchoConnection connection = (EchoConnection) key.attachment();
        try {
            if (key.isWritable()) {
                connection.continueSending();
            }
            if (key.isReadable() && connection.receive(scratch)) {
                long now = System.nanoTime();
                if (now >= measureFrom && now < measureTo) {
                    latencies.record(now - connection.sentAt());
                    connection.countMeasured();
                }
                connection.sendNext(now);
            }
        } catch (IOException e) {
            key.cancel();
            fail(connection, e);
        }
    }

    private void fail(EchoConnection connection, IOException e) {
        errors++;
        live--;
        connection.close();
        if (errors <= 10) {
            System.err.println("EchoLoadClient: " + (e instanceof EchoConnection.ReplyMismatch
                    ? e.getMessage() : connection + ": " + e));
        }
    }

    private void printResult() {
        double seconds = (measureTo - measureFrom) / 1e9;
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (EchoConnection connection : connections) {
            fewest = Math.min(fewest, connection.measuredRoundTrips());
            most = Math.max(most, connection.measuredRoundTrips());
        }
        System.out.println(String.format(Locale.ROOT,
                "result connections=%d seconds=%.3f round_trips=%d per_second=%.1f p50_us=%.1f p99_us=%.1f"
                        + " client_cpu_pct=%.0f errors=%d fewest_per_connection=%d most_per_connection=%d",
                connections.size(), seconds, latencies.count(), latencies.count() / seconds,
                latencies.percentile(50) / 1e3, latencies.percentile(99) / 1e3,
                100 * clientCpuNanos / 1e9 / seconds, errors, fewest, most));
    }

    /** The command line. */
    private static final class Settings {
        static final String USAGE = "usage: EchoLoadClient [--host H] --port P [--connections C] [--size BYTES]"
                + " [--warmup SECONDS] [--seconds SECONDS]";
        String host = "127.0.0.1";
        int port = -1;
        int connections = 1;
        int messageSize = 64;
        int warmupSeconds = 5;
        int seconds = 10;

        static Settings parse(String[] args) {
            Settings s = new Settings();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("missing value after " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--host" -> s.host = value;
                    case "--port" -> s.port = Options.number(option, value, 1, 65535);
                    case "--connections" -> s.connections = Options.number(option, value, 1, 100_000);
                    case "--size" -> s.messageSize = Options.number(option, value, EchoConnection.MIN_MESSAGE_SIZE, 60_000);
                    case "--warmup" -> s.warmupSeconds = Options.number(option, value, 0, 3600);
                    case "--seconds" -> s.seconds = Options.number(option, value, 1, 3600);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (s.port < 0) {
                throw new IllegalArgumentException("--port is required");
            }
            return s;
        }
    }
}
