package dev.gen4j.samples.echo;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints lines for the scheduler's thread without ever making it wait: lines go through a
 * bounded queue to a daemon thread that writes them. A stdout nobody reads fills the queue, and
 * then lines are dropped, counted, and the count printed once writing works again; serving
 * never stalls on it.
 */
final class LineLog {
    static final int CAPACITY = 4096;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final boolean quiet;

    LineLog(PrintStream out, boolean quiet) {
        this.quiet = quiet;
        Thread writer = new Thread(() -> write(out), "echo-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues {@code line}, unless quiet; never blocks. */
    void print(String line) {
        if (!quiet && !lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void write(PrintStream out) {
        try {
            for (;;) {
                String line = lines.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.println("(" + lost + " lines not printed: output was not being read)");
                }
                out.println(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
