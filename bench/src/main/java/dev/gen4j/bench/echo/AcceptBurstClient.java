package dev.gen4j.bench.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A burst of new connections to an echo server that is busy: B connections keep a closed loop of
 * 64-byte messages going (as {@link EchoLoadClient}), and once they have run for the warm-up, N
 * new connections are started as fast as one thread can start them, while the busy ones go on.
 * Each new connection sends one message as soon as it is connected and checks its reply.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gen4j.bench.echo.AcceptBurstClient \
 *     --port 25000 --busy 1000 --burst 5000
 * </pre>
 *
 * <p>Prints {@code burst start} just before the first new connection is started and
 * {@code burst end} once every one is answered (so that a driver can read the kernel's counters
 * of dropped connection requests then), and last one line {@code result key=value ...}: seconds
 * until every new connection was connected, and until every one had its reply; the p50 and p99
 * of each; busy round trips during the burst; errors. A connection the kernel dropped the first
 * request of connects only when the request is sent again, a second or more later: the time to
 * connect shows how many were dropped. Exits with 1 if a connection failed or a reply was wrong.
 */
public final class AcceptBurstClient {
    private static final int MESSAGE_SIZE = 64;
    /** New connections started between two looks at the busy ones, so they are not starved. */
    private static final int STARTED_PER_SLICE = 50;

    private final Settings settings;
    private final Selector selector = Selector.open();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final List<EchoConnection> all = new ArrayList<>();
    /** When each new connection was connected, and answered, after the burst began. */
    private final LatencyRecorder connectTimes;
    private final LatencyRecorder answerTimes;
    private long burstStart;
    private long busyRoundTrips;
    private int errors;

    private AcceptBurstClient(Settings settings) throws IOException {
        this.settings = settings;
        connectTimes = new LatencyRecorder(settings.burst);
        answerTimes = new LatencyRecorder(settings.burst);
    }

    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("AcceptBurstClient: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new AcceptBurstClient(settings).run() == 0 ? 0 : 1);
    }

    /** A new connection of the burst: sends one message once connected, and is done at its reply. */
    private static final class BurstConnection {
        final int index;
        EchoConnection echo;

        BurstConnection(int index) {
            this.index = index;
        }
    }

    private int run() throws IOException {
        InetSocketAddress server = new InetSocketAddress(settings.host, settings.port);
        for (int i = 0; i < settings.busy; i++) {
            EchoConnection busy = EchoConnection.open(selector, server, i, MESSAGE_SIZE);
            all.add(busy);
            busy.sendNext(System.nanoTime());
        }
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.warmupSeconds);
        for (long now = System.nanoTime(); now < warmUpEnd; now = System.nanoTime()) {
            selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(warmUpEnd - now)));
        }
        busyRoundTrips = 0;
        System.out.println("burst start");
        System.out.flush();
        burstStart = System.nanoTime();
        int started = 0;
        while (started < settings.burst) {
            for (int n = 0; n < STARTED_PER_SLICE && started < settings.burst; n++, started++) {
                startConnection(server, started);
            }
            selector.selectNow(onReady);
        }
        long deadline = burstStart + TimeUnit.SECONDS.toNanos(settings.timeoutSeconds);
        for (long now = System.nanoTime(); answerTimes.count() + errors < settings.burst && now < deadline; now = System.nanoTime()) {
            selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now)));
        }
        long end = System.nanoTime();
        System.out.println("burst end");
        System.out.flush();
        if (answerTimes.count() + errors < settings.burst) {
            errors += settings.burst - answerTimes.count() - errors;
            System.err.println("AcceptBurstClient: only " + answerTimes.count() + " of " + settings.burst
                    + " new connections answered within " + settings.timeoutSeconds + " s");
        }
        for (EchoConnection connection : all) {
            connection.close();
        }
        printResult(end);
        return errors;
    }

    private void startConnection(InetSocketAddress server, int index) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            BurstConnection burst = new BurstConnection(index);
            if (channel.connect(server)) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, burst);
                connected(burst, channel, key);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, burst);
            }
        } catch (IOException e) {
            errors++;
            report("new connection " + index + ": " + e);
        }
    }

    private void connected(BurstConnection burst, SocketChannel channel, SelectionKey key) throws IOException {
        connectTimes.record(System.nanoTime() - burstStart);
        burst.echo = new EchoConnection(settings.busy + burst.index, channel, key, MESSAGE_SIZE);
        all.add(burst.echo);
        burst.echo.sendNext(System.nanoTime());
    }

    private void onReady(SelectionKey key) {
        Object attachment = key.attachment();
        try {
            if (attachment instanceof EchoConnection busy) {
                if (key.isWritable()) {
                    busy.continueSending();
                }
                if (key.isReadable() && busy.receive(scratch)) {
                    busyRoundTrips++;
                    busy.sendNext(System.nanoTime());
                }
                return;
            }
            BurstConnection burst = (BurstConnection) attachment;
            SocketChannel channel = (SocketChannel) key.channel();
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                connected(burst, channel, key);
                return;
            }
            if (key.isWritable()) {
                burst.echo.continueSending();
            }
            if (key.isReadable() && burst.echo.receive(scratch)) {
                answerTimes.record(System.nanoTime() - burstStart);
                // Answered: it stays open, idle, until the end, as the server keeps it.
                key.interestOps(0);
            }
        } catch (IOException e) {
            key.cancel();
            errors++;
            report(attachment + ": " + e);
            try {
                key.channel().close();
            } catch (IOException alreadyGone) {
                // Counted above.
            }
        }
    }

    private void report(String problem) {
        if (errors <= 10) {
            System.err.println("AcceptBurstClient: " + problem);
        }
    }

    private void printResult(long end) {
        double burstSeconds = (end - burstStart) / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "result busy=%d burst=%d connected=%d answered=%d connect_s=%.3f connect_p50_ms=%.1f"
                        + " connect_p99_ms=%.1f answer_s=%.3f answer_p50_ms=%.1f answer_p99_ms=%.1f"
                        + " busy_round_trips=%d burst_s=%.3f errors=%d",
                settings.busy, settings.burst, connectTimes.count(), answerTimes.count(),
                connectTimes.percentile(100) / 1e9, connectTimes.percentile(50) / 1e6, connectTimes.percentile(99) / 1e6,
                answerTimes.percentile(100) / 1e9, answerTimes.percentile(50) / 1e6, answerTimes.percentile(99) / 1e6, busyRoundTrips, burstSeconds, errors));
    }

    /** The command line. */
    private static final class Settings {
        static final String USAGE = "usage: AcceptBurstClient [--host H] --port P [--busy B] [--burst N]"
                + " [--warmup SECONDS] [--timeout SECONDS]";
        String host = "127.0.0.1";
        int port = -1;
        int busy = 1000;
        int burst = 5000;
        int warmupSeconds = 3;
        int timeoutSeconds = 60;

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
                    case "--busy" -> s.busy = Options.number(option, value, 0, 100_000);
                    case "--burst" -> s.burst = Options.number(option, value, 1, 100_000);
                    case "--warmup" -> s.warmupSeconds = Options.number(option, value, 0, 3600);
                    case "--timeout" -> s.timeoutSeconds = Options.number(option, value, 1, 3600);
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
