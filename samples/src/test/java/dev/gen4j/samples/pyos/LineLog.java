package dev.gen4j.samples.pyos;

import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A writer that keeps the lines written to it and lets a test wait for a line to come. */
final class LineLog extends Writer {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\n') {
                lines.add(partial.toString());
                partial.setLength(0);
                notifyAll();
            } else {
                partial.append(chars[i]);
            }
        }
    }

    /**
     * Waits until {@code count} lines have matched {@code wanted}; returns the last of them.
     *
     * @throws AssertionError if they do not come in time
     */
    synchronized String await(Predicate<String> wanted, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int seen = 0;
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (wanted.test(lines.get(checked)) && ++seen == count) {
                    return lines.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + count + " matching lines in time; got:\n" + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The complete lines so far, each with its newline. */
    synchronized String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
