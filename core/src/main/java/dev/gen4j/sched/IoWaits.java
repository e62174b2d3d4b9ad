package dev.gen4j.sched;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The tasks waiting for channels, on one {@link Selector}.
 *
 * <p>A channel has one {@link Registration} whatever the number of tasks waiting on it, with a
 * queue of readers and one of writers: one task can read a socket while another writes it, and
 * adding, waking or withdrawing a waiter costs O(1) and allocates nothing (but the queue of
 * writers, once per channel, on its first wait to write).
 *
 * <p>The interest set is widened when a wait needs it and narrowed only when the selector
 * reports readiness nobody waits for, so a task that waits on the same channel again and again
 * (an echo handler) touches the selector once, not once per wait. A channel nobody has waited on
 * for a whole pass of the loop is deregistered (its key cancelled), and every registration left
 * idle when {@link #releaseIdle} is called: a channel the scheduler's tasks are done with can be
 * made blocking again.
 *
 * <p>Closing a channel cancels its key, from whatever thread, and a cancelled key is never
 * selected again. The selector drops cancelled keys during each select: when its key set has
 * shrunk by more than the registrations this class let go of, some channel with waiters was
 * closed, and only then are the registrations looked over, to throw {@link
 * ClosedChannelException} into its waiters. Since nothing wakes a selector when a channel is
 * closed, a blocking select is bounded while tasks wait on channels: 1 ms after tasks ran,
 * doubling while nothing happens, up to {@value #MAX_CLOSE_CHECK_MILLIS} ms.
 */
final class IoWaits implements Closeable {
    private static final long MIN_CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long MAX_CLOSE_CHECK_MILLIS = 100;
    private static final long MAX_CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_CLOSE_CHECK_MILLIS);

    /**
     * One channel on the selector: the attachment of its key, and its waiting tasks. It is itself
     * the queue of the tasks waiting to read (or accept); the queue of writers is made on the
     * first wait to write. Kept small, as there is one per connection: a channel that is only
     * ever read costs this one object, however often its reader waits.
     */
    static final class Registration extends WaitQueue {
        final SelectionKey key;
        /** The tasks waiting to write (or connect); {@code null} until one does. */
        private WaitQueue writers;
        /** Neighbours in the list of every registration. */
        Registration before;
        Registration after;
        /** What the key's interest set is, as last set here. */
        int interest;
        /** The select count when it was last left with no waiter. */
        int idleSince;
        final byte readOps;
        final byte writeOps;
        /** In {@link #idle}: queued to be looked at before the next select. */
        boolean queuedIdle;
        /** Let go of: cancelled here, or found closed. */
        boolean gone;

        Registration(SelectionKey key, int validOps) {
            this.key = key;
            // SelectionKey's operations are bits 0, 2, 3 and 4: they fit a byte.
            this.readOps = (byte) (validOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT));
            this.writeOps = (byte) (validOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT));
        }

        /** The queue of the tasks waiting for {@code ops}. */
        WaitQueue queueFor(int ops) {
            if ((ops & readOps) != 0) {
                return this;
            }
            if (writers == null) {
                writers = new WaitQueue();
            }
            return writers;
        }

        boolean hasWaiters() {
            return !isEmpty() || hasWriters();
        }

        private boolean hasWriters() {
            return writers != null && !writers.isEmpty();
        }

        /** The operations some waiter waits for. */
        int wanted() {
            return (isEmpty() ? 0 : readOps) | (hasWriters() ? writeOps : 0);
        }
    }

    private final Selector selector;
    private final Set<SelectionKey> selectorKeys;
    private final Consumer<Task> wake;
    private final BiConsumer<Task, Throwable> fail;
    /** The same callback for every select, not a new lambda each time. */
    private final Consumer<SelectionKey> onReady = this::wakeReady;
    /** Every registration not let go of, linked through {@link Registration#after}. */
    private Registration first;
    private int registrations;
    /** Registrations left with no waiter, to look at before each select. */
    private final ArrayDeque<Registration> idle = new ArrayDeque<>();
    private int waiting;
    /** Counts the selects; it may wrap, as only equality is asked of it. */
    private int selects;
    private long closeCheckNanos = MIN_CLOSE_CHECK_NANOS;

    /**
     * @param wake makes a task whose channel is ready runnable
     * @param fail throws a failure into a task whose channel was closed
     */
    IoWaits(Consumer<Task> wake, BiConsumer<Task, Throwable> fail) throws IOException {
        this.wake = wake;
        this.fail = fail;
        selector = Selector.open();
        selectorKeys = selector.keys();
    }

    /** Makes {@code task} wait until {@code io}'s channel is ready. */
    void await(Task task, Io io) throws IOException {
        Registration r = registrationFor(io.channel());
        int ops = io.ops();
        int interest = r.interest | ops;
        if (interest != r.interest) {
            try {
                r.key.interestOps(interest);
            } catch (CancelledKeyException closedMeanwhile) {
                letGoClosed(r);
                throw new ClosedChannelException();
            }
            r.interest = interest;
        }
        r.queueFor(ops).add(task);
        task.waitingOn = r;
        waiting++;
    }

    /** Withdraws the wait of a task that is being killed. */
    void withdraw(Task task, Registration r) {
        task.unlink();
        waiting--;
        leftWaiting(r);
    }

    /**
     * Waits up to {@code timeoutNanos} ({@code 0}: not at all, {@code Long.MAX_VALUE}: until
     * something happens) for channels to become ready, and wakes their waiting tasks; then
     * fails the waiters of channels closed meanwhile.
     *
     * @param tasksRan whether tasks ran since the last select (so one may have closed a channel)
     */
    void select(long timeoutNanos, boolean tasksRan) throws IOException {
        lookAtIdle();
        selects++;
        if (timeoutNanos == 0) {
            selector.selectNow(onReady);
        } else {
            long timeout = timeoutNanos;
            boolean bounded = false;
            if (waiting > 0) {
                if (tasksRan) {
                    closeCheckNanos = MIN_CLOSE_CHECK_NANOS;
                }
                if (closeCheckNanos < timeout) {
                    timeout = closeCheckNanos;
                    bounded = true;
                }
            }
            int selected = timeout == Long.MAX_VALUE
                    ? selector.select(onReady)
                    : selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout + 999_999)));
            if (bounded) {
                closeCheckNanos = selected == 0 ? Math.min(2 * closeCheckNanos, MAX_CLOSE_CHECK_NANOS) : MIN_CLOSE_CHECK_NANOS;
            }
        }
        if (selectorKeys.size() < registrations) {
            failWaitersOfClosedChannels();
        }
    }

    /** Deregisters every channel no task waits on (when {@code run()} returns). */
    void releaseIdle() {
        for (Registration r; (r = idle.poll()) != null; ) {
            r.queuedIdle = false;
            if (!r.gone && !r.hasWaiters()) {
                letGo(r);
                r.key.cancel();
            }
        }
    }

    /** Whether any channel is registered: if not, a {@link #select} that does not wait finds nothing. */
    boolean hasRegistrations() {
        return registrations > 0;
    }

    /** Ends a {@link #select} now or, if none is under way, the next one (from any thread). */
    void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() throws IOException {
        idle.clear();
        first = null;
        registrations = 0;
        waiting = 0;
        selector.close();
    }

    // ---- Registrations ------------------------------------------------------------------

    private Registration registrationFor(SelectableChannel channel) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            return (Registration) key.attachment();
        }
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        if (key != null) {
            // Cancelled here after an earlier run(), and not yet dropped by the selector:
            // registering again needs it dropped first.
            selector.selectNow(onReady);
        }
        try {
            key = channel.register(selector, 0);
        } catch (CancelledKeyException closedMeanwhile) {
            throw new ClosedChannelException();
        }
        Registration r = new Registration(key, channel.validOps());
        key.attach(r);
        r.after = first;
        if (first != null) {
            first.before = r;
        }
        first = r;
        registrations++;
        return r;
    }

    /** Forgets {@code r}: cancelled here, or closed by someone. */
    private void letGo(Registration r) {
        r.gone = true;
        if (r.before == null) {
            first = r.after;
        } else {
            r.before.after = r.after;
        }
        if (r.after != null) {
            r.after.before = r.before;
        }
        r.before = null;
        r.after = null;
        registrations--;
    }

    /** The channel of {@code r} was closed: lets it go and fails every task waiting on it. */
    private void letGoClosed(Registration r) {
        if (!r.gone) {
            letGo(r);
        }
        failAll(r);
        if (r.writers != null) {
            failAll(r.writers);
        }
    }

    private void failAll(WaitQueue queue) {
        for (Task t; (t = queue.poll()) != null; ) {
            waiting--;
            fail.accept(t, new ClosedChannelException());
        }
    }

    /** A task stopped waiting on {@code r}; if none is left, {@code r} may go after a pass. */
    private void leftWaiting(Registration r) {
        if (!r.hasWaiters()) {
            r.idleSince = selects;
            if (!r.queuedIdle) {
                r.queuedIdle = true;
                idle.add(r);
            }
        }
    }

    /**
     * Before each select: lets go of idle registrations whose channel was closed (the select
     * about to run drops their keys), and cancels those idle for a whole pass.
     */
    private void lookAtIdle() {
        for (int n = idle.size(); n > 0; n--) {
            Registration r = idle.poll();
            if (r.gone || r.hasWaiters()) {
                r.queuedIdle = false;
            } else if (!r.key.isValid()) {
                r.queuedIdle = false;
                letGo(r);
            } else if (r.idleSince != selects) {
                r.queuedIdle = false;
                letGo(r);
                r.key.cancel();
            } else {
                idle.add(r);
            }
        }
    }

    /** Some key with waiters was cancelled by a close: finds which, and fails their waiters. */
    private void failWaitersOfClosedChannels() {
        for (Registration r = first; r != null; ) {
            Registration after = r.after;
            if (!r.key.isValid()) {
                letGoClosed(r);
            }
            r = after;
        }
    }

    // ---- Readiness ----------------------------------------------------------------------

    private void wakeReady(SelectionKey key) {
        Registration r = (Registration) key.attachment();
        int ready;
        try {
            ready = key.readyOps();
        } catch (CancelledKeyException closedMeanwhile) {
            letGoClosed(r);
            return;
        }
        int wanted = r.wanted();
        if ((ready & ~wanted) != 0) {
            // Ready for what nobody waits for any more: stop asking, or it is reported every pass.
            try {
                key.interestOps(wanted);
            } catch (CancelledKeyException closedMeanwhile) {
                letGoClosed(r);
                return;
            }
            r.interest = wanted;
        }
        boolean woke = (ready & r.readOps) != 0 && wakeAll(r);
        woke |= (ready & r.writeOps) != 0 && r.writers != null && wakeAll(r.writers);
        if (woke) {
            leftWaiting(r);
        }
    }

    private boolean wakeAll(WaitQueue queue) {
        boolean any = false;
        for (Task t; (t = queue.poll()) != null; ) {
            waiting--;
            any = true;
            wake.accept(t);
        }
        return any;
    }
}
