package dev.gen4j.bench.sched;

/** The parameters every peer shares. */
public final class Workloads {
    private Workloads() {
    }

    /** How long task {@code i} of the sleep workload sleeps: spread over 0 to {@code max} ms. */
    public static int sleepMillis(int i, int max) {
        return (int) ((i * 7919L) % (max + 1));
    }
}
