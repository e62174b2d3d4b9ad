package dev.gen4j.bench.sched;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The limit: a scheduler written for exactly these workloads, each task a hand-written state
 * machine (a {@code switch} on a state field) resumed by a plain run queue, channels and a
 * timer heap. No generality, no checks: what a one-thread scheduler cannot beat.
 */
public final class HandWrittenPeer implements Peer {

    /** A task: {@link #step} runs it to its next suspension and says where it went. */
    abstract static class Task {
        int state;
        /** What it is resumed with (a channel's message). */
        Object in;
        long deadline;
        long order;

        abstract void step(Loop loop);
    }

    /** The run queue and the sleepers. */
    static final class Loop {
        final ArrayDeque<Task> ready = new ArrayDeque<>();
        final PriorityQueue<Task> sleepers = new PriorityQueue<>((a, b) -> {
            int byDeadline = Long.compare(a.deadline, b.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(a.order, b.order);
        });
        private long order;

        void sleep(Task t, long nanos) {
            t.deadline = System.nanoTime() + nanos;
            t.order = ++order;
            sleepers.add(t);
        }

        void run() {
            for (;;) {
                for (Task t; (t = ready.poll()) != null; ) {
                    t.step(this);
                }
                if (sleepers.isEmpty()) {
                    return;
                }
                long now = System.nanoTime();
                Task first = sleepers.peek();
                if (first.deadline - now > 0) {
                    LockSupport.parkNanos(first.deadline - now);
                    now = System.nanoTime();
                }
                while ((first = sleepers.peek()) != null && first.deadline - now <= 0) {
                    ready.add(sleepers.poll());
                }
            }
        }
    }

    /** A channel of {@code capacity} messages; 0: a put waits for its taker. */
    static final class Channel {
        final int capacity;
        final ArrayDeque<Object> messages = new ArrayDeque<>();
        final ArrayDeque<Task> takers = new ArrayDeque<>();
        final ArrayDeque<Task> putters = new ArrayDeque<>();

        Channel(int capacity) {
            this.capacity = capacity;
        }

        /** Puts {@code m}; the putter is queued to run again once it is in (or taken). */
        void put(Loop loop, Task putter, Object m) {
            Task taker = takers.poll();
            if (taker != null) {
                taker.in = m;
                loop.ready.add(taker);
                loop.ready.add(putter);
            } else if (messages.size() < capacity) {
                messages.add(m);
                loop.ready.add(putter);
            } else {
                putter.in = m;
                putters.add(putter);
            }
        }

        /** Takes a message into {@code taker.in}; the taker is queued to run once it has one. */
        void take(Loop loop, Task taker) {
            Object m = messages.poll();
            Task putter = putters.poll();
            if (m != null) {
                if (putter != null) {
                    messages.add(putter.in);
                    putter.in = null;
                    loop.ready.add(putter);
                }
                taker.in = m;
                loop.ready.add(taker);
            } else if (putter != null) {
                taker.in = putter.in;
                putter.in = null;
                loop.ready.add(taker);
                loop.ready.add(putter);
            } else {
                takers.add(taker);
            }
        }
    }

    @Override
    public long switches(int tasks, int yields) {
        long[] sum = {0};
        Loop loop = new Loop();
        for (int t = 0; t < tasks; t++) {
            loop.ready.add(new Switcher(t, yields, sum));
        }
        loop.run();
        return sum[0];
    }

    static final class Switcher extends Task {
        final int yields;
        final long[] sum;
        long acc;
        int i;

        Switcher(int t, int yields, long[] sum) {
            this.acc = t;
            this.yields = yields;
            this.sum = sum;
        }

        @Override
        void step(Loop loop) {
            if (i < yields) {
                acc = acc * 31 + i;
                i++;
                loop.ready.add(this);
            } else {
                sum[0] += acc;
            }
        }
    }

    @Override
    public long spawnAndRun(int tasks) {
        long[] sum = {0};
        Loop loop = new Loop();
        for (int i = 0; i < tasks; i++) {
            loop.ready.add(new Once(i, sum));
        }
        loop.run();
        return sum[0];
    }

    static final class Once extends Task {
        final int i;
        final long[] sum;

        Once(int i, long[] sum) {
            this.i = i;
            this.sum = sum;
        }

        @Override
        void step(Loop loop) {
            if (state == 0) {
                state = 1;
                loop.ready.add(this);
            } else {
                sum[0] += i;
            }
        }
    }

    @Override
    public long suspended(int tasks, Runnable whileSuspended) {
        long[] sum = {0};
        Loop loop = new Loop();
        for (int i = 0; i < tasks; i++) {
            loop.ready.add(new Once(i, sum));
        }
        loop.ready.add(new Task() {
            @Override
            void step(Loop l) {
                whileSuspended.run();
            }
        });
        loop.run();
        return sum[0];
    }

    @Override
    public long pingPong(int handoffs, int capacity) {
        long[] sum = {0};
        Channel out = new Channel(capacity);
        Channel back = new Channel(capacity);
        Loop loop = new Loop();
        loop.ready.add(new Pinger(out, back, handoffs / 2, sum));
        loop.ready.add(new Ponger(out, back, handoffs / 2));
        loop.run();
        return sum[0];
    }

    static final class Pinger extends Task {
        final Channel out;
        final Channel back;
        final int rounds;
        final long[] sum;
        long v;
        int r;

        Pinger(Channel out, Channel back, int rounds, long[] sum) {
            this.out = out;
            this.back = back;
            this.rounds = rounds;
            this.sum = sum;
        }

        @Override
        void step(Loop loop) {
            switch (state) {
                case 0 -> {
                    if (r == rounds) {
                        return;
                    }
                    state = 1;
                    out.put(loop, this, v);
                }
                case 1 -> {
                    state = 2;
                    back.take(loop, this);
                }
                default -> {
                    long got = (Long) in;
                    in = null;
                    sum[0] += v + got;
                    v = got + 1;
                    r++;
                    state = 0;
                    step(loop);
                }
            }
        }
    }

    static final class Ponger extends Task {
        final Channel in;
        final Channel out;
        final int rounds;
        int r;

        Ponger(Channel in, Channel out, int rounds) {
            this.in = in;
            this.out = out;
            this.rounds = rounds;
        }

        @Override
        void step(Loop loop) {
            switch (state) {
                case 0 -> {
                    if (r == rounds) {
                        return;
                    }
                    state = 1;
                    in.take(loop, this);
                }
                case 1 -> {
                    long got = (Long) super.in;
                    super.in = null;
                    r++;
                    state = 2;
                    out.put(loop, this, got + 1);
                }
                default -> {
                    state = 0;
                    step(loop);
                }
            }
        }
    }

    @Override
    public long sleeps(int tasks, int maxMillis, long[] lateNanos) {
        long sum = 0;
        Loop loop = new Loop();
        for (int i = 0; i < tasks; i++) {
            int ms = Workloads.sleepMillis(i, maxMillis);
            sum += ms;
            loop.ready.add(new Sleeper(i, ms, lateNanos));
        }
        loop.run();
        return sum;
    }

    static final class Sleeper extends Task {
        final int i;
        final int ms;
        final long[] late;
        long start;

        Sleeper(int i, int ms, long[] late) {
            this.i = i;
            this.ms = ms;
            this.late = late;
        }

        @Override
        void step(Loop loop) {
            if (state == 0) {
                state = 1;
                start = System.nanoTime();
                loop.sleep(this, ms * 1_000_000L);
            } else {
                late[i] = System.nanoTime() - start - ms * 1_000_000L;
            }
        }
    }
}
