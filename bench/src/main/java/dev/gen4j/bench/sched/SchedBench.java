package dev.gen4j.bench.sched;

import dev.gen4j.bench.SuspendedFootprint;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Runs the scheduler benchmark's workloads on one peer and prints one tab-separated
 * {@code RESULT peer metric value checksum n1 n2} line per figure, for {@code run-sched.sh} to
 * check and tabulate. Each timed figure is the median of {@code sched.rounds} runs after
 * {@code sched.warmups} unmeasured ones.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gen4j.bench.sched.SchedBench gen4j time
 * java -XX:+UseSerialGC -cp bench/target/benchmarks.jar dev.gen4j.bench.sched.SchedBench gen4j footprint
 * </pre>
 *
 * Peers: {@code hand-written}, {@code gen4j}, {@code kotlin}, {@code virtual-threads} (JDK 21+).
 * Sizes (system properties): {@code sched.switchTasks} (1,000), {@code sched.switchYields}
 * (10,000), {@code sched.tasks} (1,000,000), {@code sched.handoffs} (1,000,000),
 * {@code sched.sleepers} (100,000), {@code sched.sleepMaxMillis} (50); {@code sched.workloads}
 * picks some of {@code switch,spawn,pingpong,sleep}.
 */
public final class SchedBench {
    private static final int WARMUPS = Integer.getInteger("sched.warmups", 5);
    private static final int ROUNDS = Integer.getInteger("sched.rounds", 5);
    private static final int SWITCH_TASKS = Integer.getInteger("sched.switchTasks", 1_000);
    private static final int SWITCH_YIELDS = Integer.getInteger("sched.switchYields", 10_000);
    private static final int TASKS = Integer.getInteger("sched.tasks", 1_000_000);
    private static final int HANDOFFS = Integer.getInteger("sched.handoffs", 1_000_000);
    private static final int SLEEPERS = Integer.getInteger("sched.sleepers", 100_000);
    private static final int SLEEP_MAX = Integer.getInteger("sched.sleepMaxMillis", 50);
    /** Which timed workloads to run (comma-separated), all by default. */
    private static final String WORKLOADS = System.getProperty("sched.workloads", "switch,spawn,pingpong,sleep");

    private final String name;
    private final Peer peer;

    private SchedBench(String name, Peer peer) {
        this.name = name;
        this.peer = peer;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[1].equals("time") || args[1].equals("footprint"))) {
            System.err.println("usage: SchedBench hand-written|gen4j|kotlin|virtual-threads time|footprint");
            System.exit(2);
        }
        SchedBench bench = new SchedBench(args[0], peer(args[0]));
        if (args[1].equals("time")) {
            bench.time();
        } else {
            bench.footprint();
        }
    }

    private static Peer peer(String name) {
        return switch (name) {
            case "hand-written" -> new HandWrittenPeer();
            case "gen4j" -> new Gen4jPeer();
            case "kotlin" -> new KotlinPeer();
            case "virtual-threads" -> new VirtualThreadPeer();
            default -> throw new IllegalArgumentException("no peer named " + name
                    + ": use hand-written, gen4j, kotlin or virtual-threads");
        };
    }

    private static boolean selected(String workload) {
        return Arrays.asList(WORKLOADS.split(",")).contains(workload);
    }

    private void time() {
        if (selected("switch")) {
            long ops = (long) SWITCH_TASKS * SWITCH_YIELDS;
            Run r = measure(() -> peer.switches(SWITCH_TASKS, SWITCH_YIELDS));
            print("switch_ns", r.nanos / ops, r.checksum, SWITCH_TASKS, SWITCH_YIELDS);
        }
        if (selected("spawn")) {
            spawn();
        }
        if (selected("pingpong")) {
            for (int capacity : new int[] {0, 16}) {
                Run r = measure(() -> peer.pingPong(HANDOFFS, capacity));
                print("pingpong" + capacity + "_ns", r.nanos / HANDOFFS, r.checksum, HANDOFFS, capacity);
            }
        }
        if (selected("sleep")) {
            sleep();
        }
    }

    private void spawn() {
        Run r = measure(() -> peer.spawnAndRun(TASKS));
        print("spawn_ns", r.nanos / TASKS, r.checksum, TASKS, 0);
        print("spawn_alloc_bytes", r.allocated / TASKS, r.checksum, TASKS, 0);

        if (peer.spawnFromTask(10) != -1) {
            r = measure(() -> peer.spawnFromTask(TASKS));
            print("spawn_from_task_ns", r.nanos / TASKS, r.checksum, TASKS, 0);
            print("spawn_from_task_alloc_bytes", r.allocated / TASKS, r.checksum, TASKS, 0);
        }
    }

    private void sleep() {
        double[] wall = new double[ROUNDS];
        double[] p99 = new double[ROUNDS];
        long checksum = 0;
        for (int round = -WARMUPS; round < ROUNDS; round++) {
            long[] late = new long[SLEEPERS];
            collectBeforeRun();
            long start = System.nanoTime();
            checksum = peer.sleeps(SLEEPERS, SLEEP_MAX, late);
            long elapsed = System.nanoTime() - start;
            if (round >= 0) {
                Arrays.sort(late);
                wall[round] = elapsed / 1e6;
                p99[round] = late[(int) Math.ceil(0.99 * SLEEPERS) - 1] / 1e6;
                if (late[0] < 0) {
                    throw new AssertionError(name + ": a sleeper woke " + (-late[0]) + " ns early");
                }
            }
        }
        print("sleep_wall_ms", median(wall), checksum, SLEEPERS, SLEEP_MAX);
        print("sleep_p99_ms", median(p99), checksum, SLEEPERS, SLEEP_MAX);
    }

    private void footprint() {
        double[] bytes = new double[3];
        long checksum = 0;
        for (int round = -1; round < bytes.length; round++) {
            long before = SuspendedFootprint.usedAfterGc();
            long[] during = new long[1];
            checksum = peer.suspended(TASKS, () -> during[0] = SuspendedFootprint.usedAfterGc());
            if (during[0] == 0) {
                throw new AssertionError(name + ": the measurement never ran while the tasks were suspended");
            }
            if (round >= 0) {
                bytes[round] = (during[0] - before) / (double) TASKS;
            }
        }
        print("suspended_bytes", median(bytes), checksum, TASKS, 0);
    }

    private record Run(double nanos, double allocated, long checksum) {
    }

    /** The median time and allocation of the measured rounds; every round's checksum must agree. */
    private Run measure(LongSupplier work) {
        double[] nanos = new double[ROUNDS];
        double[] allocated = new double[ROUNDS];
        Long checksum = null;
        for (int round = -WARMUPS; round < ROUNDS; round++) {
            collectBeforeRun();
            long a0 = allocatedBytes();
            long t0 = System.nanoTime();
            long sum = work.getAsLong();
            long t1 = System.nanoTime();
            long a1 = allocatedBytes();
            if (checksum != null && checksum != sum) {
                throw new AssertionError(name + ": checksum " + sum + " differs from the previous round's " + checksum);
            }
            checksum = sum;
            if (round >= 0) {
                nanos[round] = t1 - t0;
                allocated[round] = a1 - a0;
            }
        }
        return new Run(median(nanos), median(allocated), checksum);
    }

    /**
     * A full collection before each run, so that no run has a collection of the previous runs'
     * garbage in it. Without it, a run of a million tasks that a young collection caught copied
     * them all (100-300 ms of pause, 4x the run's own time), every other run or every fourth
     * depending on how much a peer allocates, and the median of 5 runs said more about which runs
     * were caught than about the scheduler. What each run allocates is reported on its own.
     */
    private static void collectBeforeRun() {
        System.gc();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Bytes allocated so far by every live thread (a virtual thread's go to its carrier). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }

    private void print(String metric, double value, long checksum, long n1, long n2) {
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%s\t%.2f\t%s\t%d\t%d%n",
                name, metric, value, Long.toUnsignedString(checksum), n1, n2);
        System.out.flush();
    }
}
