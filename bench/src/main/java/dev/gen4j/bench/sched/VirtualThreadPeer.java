package dev.gen4j.bench.sched;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads, one per task, meant to run on one carrier (started with
 * {@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1}):
 * {@link Thread#yield}, {@link SynchronousQueue} / {@link ArrayBlockingQueue} channels,
 * {@link Thread#sleep}. The module is compiled for Java 17, so the factory is found
 * reflectively (JDK 21+).
 */
public final class VirtualThreadPeer implements Peer {
    private final ThreadFactory factory;

    public VirtualThreadPeer() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or later; this is " + Runtime.version(), e);
        }
    }

    private Thread start(Runnable body) {
        Thread t = factory.newThread(body);
        t.start();
        return t;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the virtual threads", e);
        }
    }

    @Override
    public long switches(int tasks, int yields) {
        long[] acc = new long[tasks];
        CountDownLatch done = new CountDownLatch(tasks);
        for (int t = 0; t < tasks; t++) {
            int task = t;
            start(() -> {
                long a = task;
                for (int i = 0; i < yields; i++) {
                    a = a * 31 + i;
                    Thread.yield();
                }
                acc[task] = a;
                done.countDown();
            });
        }
        await(done);
        long sum = 0;
        for (long a : acc) {
            sum += a;
        }
        return sum;
    }

    @Override
    public long spawnAndRun(int tasks) {
        return onceEach(tasks, null, null);
    }

    /** Each thread yields once (or, with a gate, waits for it) and then records its index. */
    private long onceEach(int tasks, CountDownLatch started, CountDownLatch gate) {
        int[] seen = new int[tasks];
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            int index = i;
            start(() -> {
                if (gate == null) {
                    Thread.yield();
                } else {
                    started.countDown();
                    await(gate);
                }
                seen[index] = index;
                done.countDown();
            });
        }
        await(done);
        long sum = 0;
        for (int s : seen) {
            sum += s;
        }
        return sum;
    }

    @Override
    public long suspended(int tasks, Runnable whileSuspended) {
        // A virtual thread is suspended when parked: each waits on a gate opened after measuring.
        CountDownLatch started = new CountDownLatch(tasks);
        CountDownLatch gate = new CountDownLatch(1);
        long[] sum = new long[1];
        Thread waiter = new Thread(() -> sum[0] = onceEach(tasks, started, gate));
        waiter.start();
        await(started);
        whileSuspended.run();
        gate.countDown();
        try {
            waiter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sum[0];
    }

    @Override
    public long pingPong(int handoffs, int capacity) {
        BlockingQueue<Long> out = capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity);
        BlockingQueue<Long> back = capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity);
        int rounds = handoffs / 2;
        long[] sum = {0};
        CountDownLatch done = new CountDownLatch(2);
        start(() -> {
            try {
                long v = 0;
                for (int r = 0; r < rounds; r++) {
                    out.put(v);
                    long got = back.take();
                    sum[0] += v + got;
                    v = got + 1;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        start(() -> {
            try {
                for (int r = 0; r < rounds; r++) {
                    back.put(out.take() + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        await(done);
        return sum[0];
    }

    @Override
    public long sleeps(int tasks, int maxMillis, long[] lateNanos) {
        long sum = 0;
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            int index = i;
            int ms = Workloads.sleepMillis(i, maxMillis);
            sum += ms;
            start(() -> {
                long start = System.nanoTime();
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lateNanos[index] = System.nanoTime() - start - ms * 1_000_000L;
                done.countDown();
            });
        }
        await(done);
        return sum;
    }
}
