package dev.gen4j.bench.sched;

/**
 * One way to run many cooperative tasks on one thread, doing the scheduler benchmark's work.
 * Every method does the whole workload and returns its checksum, which {@code run-sched.sh}
 * checks against the value the work must give, so that no peer can skip any of it.
 */
public interface Peer {
    /**
     * {@code tasks} tasks; task {@code t} starts with {@code acc = t} and {@code yields} times
     * sets {@code acc = acc * 31 + i} and gives its turn away. Returns the sum of every final
     * {@code acc}.
     */
    long switches(int tasks, int yields);

    /**
     * {@code tasks} tasks started from outside; task {@code i} gives its turn away once, then adds
     * {@code i} to the sum it returns and ends.
     */
    long spawnAndRun(int tasks);

    /**
     * Like {@link #spawnAndRun}, with every task started from a running task (the cost of a
     * spawn inside the scheduler). Returns {@code -1} if the peer has no other way than
     * {@link #spawnAndRun}.
     */
    default long spawnFromTask(int tasks) {
        return -1;
    }

    /**
     * {@code tasks} tasks that suspend once, as in {@link #spawnAndRun}; {@code whileSuspended}
     * runs once all of them are alive and suspended (on the scheduler's thread or another).
     */
    long suspended(int tasks, Runnable whileSuspended);

    /**
     * Two tasks hand values back and forth through two channels of {@code capacity} (0: a
     * rendezvous), {@code handoffs} messages in all: 0 out, 1 back, 2 out and so on. Returns the
     * sum of the values received.
     */
    long pingPong(int handoffs, int capacity);

    /**
     * {@code tasks} tasks; task {@code i} sleeps {@link Workloads#sleepMillis} ms and stores in
     * {@code lateNanos[i]} how much later than that it woke. Returns the sum of the sleeps (ms).
     */
    long sleeps(int tasks, int maxMillis, long[] lateNanos);
}
