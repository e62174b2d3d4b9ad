package dev.gen4j.bench.echo;

import java.util.Arrays;

/**
 * Every round trip's latency in nanoseconds, kept whole so that the percentiles are exact.
 * The array is sized up front for the expected count, so recording allocates nothing.
 */
final class LatencyRecorder {
    private long[] nanos;
    private int count;
    private boolean sorted;

    LatencyRecorder(int expectedCount) {
        nanos = new long[Math.max(1024, expectedCount)];
    }

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
        sorted = false;
    }

    int count() {
        return count;
    }

    /** The nearest-rank percentile ({@code 0 < p <= 100}) in nanoseconds; 0 if nothing was recorded. */
    long percentile(double p) {
        if (count == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100 * count);
        return nanos[Math.min(count, Math.max(1, rank)) - 1];
    }
}
