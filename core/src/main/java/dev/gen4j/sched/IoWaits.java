package dev.gen4j.sched;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The tasks waiting for channels, on one {@link Selector}. A channel has one key whatever the
 * number of tasks waiting on it: its interest set is the union of what they wait for, so one
 * task can read a socket while another writes it.
 */
final class IoWaits implements Closeable {
    private record Waiter(Task task, int ops) {
    }

    /** The attachment of each key: who waits on that channel, for what. */
    private static final class Waiters {
        final List<Waiter> list = new ArrayList<>(2);

        int interestOps() {
            int ops = 0;
            for (Waiter w : list) {
                ops |= w.ops;
            }
            return ops;
        }
    }

    private final Selector selector;
    /** Keys that have waiters: a closed channel's key leaves the selector but not this set. */
    private final Set<SelectionKey> waitedOn = new HashSet<>();

    IoWaits() throws IOException {
        selector = Selector.open();
    }

    /** Makes {@code task} wait until {@code io}'s channel is ready. */
    void await(Task task, Io io) throws IOException {
        SelectableChannel channel = io.channel();
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            key = channel.register(selector, 0, new Waiters());
        }
        Waiters waiters = (Waiters) key.attachment();
        waiters.list.add(new Waiter(task, io.ops()));
        key.interestOps(waiters.interestOps());
        waitedOn.add(key);
        task.ioKey(key);
    }

    /** Withdraws the wait of a task that is being killed. */
    void withdraw(Task task) {
        SelectionKey key = task.ioKey();
        if (key == null) {
            return;
        }
        task.ioKey(null);
        Waiters waiters = (Waiters) key.attachment();
        waiters.list.removeIf(w -> w.task == task);
        updateInterest(key, waiters);
    }

    /**
     * Waits up to {@code timeoutNanos} ({@code 0}: not at all, {@code Long.MAX_VALUE}: until
     * something happens) for channels to become ready, and hands their waiting tasks to
     * {@code wake}.
     */
    void select(long timeoutNanos, Consumer<Task> wake) throws IOException {
        Consumer<SelectionKey> onReady = key -> wakeReady(key, wake);
        if (timeoutNanos == 0) {
            selector.selectNow(onReady);
        } else if (timeoutNanos == Long.MAX_VALUE) {
            selector.select(onReady);
        } else {
            selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + 999_999)));
        }
    }

    /**
     * A channel closed while tasks wait on it is never selected again: hands those tasks to
     * {@code fail} with a {@link ClosedChannelException}. Costs one look at each channel waited
     * on, so the scheduler calls it only before it blocks.
     */
    void failWaitersOfClosedChannels(BiConsumer<Task, Throwable> fail) {
        // Runs before every blocking select: a plain pass that allocates nothing when no channel closed.
        for (Iterator<SelectionKey> keys = waitedOn.iterator(); keys.hasNext(); ) {
            SelectionKey key = keys.next();
            if (key.isValid()) {
                continue;
            }
            keys.remove();
            Waiters waiters = (Waiters) key.attachment();
            for (Waiter w : waiters.list) {
                w.task.ioKey(null);
                fail.accept(w.task, new ClosedChannelException());
            }
            waiters.list.clear();
        }
    }

    /** Ends a {@link #select} now or, if none is under way, the next one (from any thread). */
    void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() throws IOException {
        waitedOn.clear();
        selector.close();
    }

    private void wakeReady(SelectionKey key, Consumer<Task> wake) {
        int ready = key.readyOps();
        Waiters waiters = (Waiters) key.attachment();
        List<Waiter> woken = new ArrayList<>(2);
        waiters.list.removeIf(w -> (w.ops & ready) != 0 && woken.add(w));
        updateInterest(key, waiters);
        for (Waiter w : woken) {
            w.task.ioKey(null);
            wake.accept(w.task);
        }
    }

    private void updateInterest(SelectionKey key, Waiters waiters) {
        if (waiters.list.isEmpty()) {
            waitedOn.remove(key);
        }
        if (key.isValid()) {
            key.interestOps(waiters.interestOps());
        }
    }
}
