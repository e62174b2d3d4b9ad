package dev.gen4j.bench.sched;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Mailbox;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.time.Duration;

/** gen4j: {@code @Generator} tasks on a {@link Scheduler}, {@link Mailbox} channels, {@link Sys#sleep}. */
public final class Gen4jPeer implements Peer {

    @Generator
    static Gen<Void> switcher(int t, int yields, long[] sum) {
        long acc = t;
        for (int i = 0; i < yields; i++) {
            acc = acc * 31 + i;
            Yield.now();
        }
        sum[0] += acc;
        return Gen.done();
    }

    @Override
    public long switches(int tasks, int yields) {
        long[] sum = {0};
        try (Scheduler s = new Scheduler()) {
            for (int t = 0; t < tasks; t++) {
                s.spawn(switcher(t, yields, sum));
            }
            s.run();
        }
        return sum[0];
    }

    @Generator
    static Gen<Void> once(int i, long[] sum) {
        Yield.now();
        sum[0] += i;
        return Gen.done();
    }

    @Override
    public long spawnAndRun(int tasks) {
        long[] sum = {0};
        try (Scheduler s = new Scheduler()) {
            for (int i = 0; i < tasks; i++) {
                s.spawn(once(i, sum));
            }
            s.run();
        }
        return sum[0];
    }

    @Generator
    static Gen<Void> spawner(int tasks, long[] sum) {
        for (int i = 0; i < tasks; i++) {
            Yield.now(Sys.spawn(once(i, sum)));
        }
        return Gen.done();
    }

    @Override
    public long spawnFromTask(int tasks) {
        long[] sum = {0};
        try (Scheduler s = new Scheduler()) {
            s.spawn(spawner(tasks, sum));
            s.run();
        }
        return sum[0];
    }

    @Generator
    static Gen<Void> runs(Runnable r) {
        r.run();
        return Gen.done();
    }

    @Override
    public long suspended(int tasks, Runnable whileSuspended) {
        long[] sum = {0};
        try (Scheduler s = new Scheduler()) {
            for (int i = 0; i < tasks; i++) {
                s.spawn(once(i, sum));
            }
            // Runs after every task above has run to its yield.
            s.spawn(runs(whileSuspended));
            s.run();
        }
        return sum[0];
    }

    @Generator
    static Gen<Void> pinger(Mailbox<Long> out, Mailbox<Long> back, int rounds, long[] sum) {
        long v = 0;
        for (int r = 0; r < rounds; r++) {
            Yield.now(out.put(v));
            long got = Yield.<Long>now(back.take());
            sum[0] += v + got;
            v = got + 1;
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> ponger(Mailbox<Long> in, Mailbox<Long> out, int rounds) {
        for (int r = 0; r < rounds; r++) {
            long got = Yield.<Long>now(in.take());
            Yield.now(out.put(got + 1));
        }
        return Gen.done();
    }

    @Override
    public long pingPong(int handoffs, int capacity) {
        long[] sum = {0};
        Mailbox<Long> out = new Mailbox<>(capacity);
        Mailbox<Long> back = new Mailbox<>(capacity);
        try (Scheduler s = new Scheduler()) {
            s.spawn(pinger(out, back, handoffs / 2, sum));
            s.spawn(ponger(out, back, handoffs / 2));
            s.run();
        }
        return sum[0];
    }

    @Generator
    static Gen<Void> sleeper(int i, int ms, long[] late) {
        long start = System.nanoTime();
        Yield.now(Sys.sleep(Duration.ofMillis(ms)));
        late[i] = System.nanoTime() - start - ms * 1_000_000L;
        return Gen.done();
    }

    @Override
    public long sleeps(int tasks, int maxMillis, long[] lateNanos) {
        long sum = 0;
        try (Scheduler s = new Scheduler()) {
            for (int i = 0; i < tasks; i++) {
                int ms = Workloads.sleepMillis(i, maxMillis);
                sum += ms;
                s.spawn(sleeper(i, ms, lateNanos));
            }
            s.run();
        }
        return sum;
    }
}
