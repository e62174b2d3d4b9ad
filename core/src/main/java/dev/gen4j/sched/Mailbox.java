package dev.gen4j.sched;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A queue of messages between the tasks of one {@link Scheduler} (the actors of the seeds,
 * Kotlin's {@code Channel}, Go's {@code chan}).
 *
 * <pre>{@code
 * Mailbox<String> box = new Mailbox<>(16);
 * Yield.now(box.put("hello"));          // in one task: waits while the box is full
 * String s = Yield.now(box.take());     // in another: waits while it is empty
 * }</pre>
 *
 * <p>It holds up to {@code capacity} messages; with capacity 0 it holds none, and a put waits
 * until a taker takes its message (a rendezvous). Messages are taken in the order they were put;
 * waiting takers and putters are served in the order they came. {@link #close()} ends it: what
 * it holds can still be taken, then takers get {@link NoSuchElementException} thrown in; putters
 * get {@link IllegalStateException}, those already waiting too. A killed taker or putter leaves
 * nothing behind (a waiting putter's message is dropped). Messages may not be {@code null}.
 *
 * <p>Like the scheduler, not thread-safe: use it from the tasks of one scheduler (and from its
 * thread before or after {@code run()}).
 *
 * @param <T> the type of the messages
 */
public final class Mailbox<T> {
    private final int capacity;
    private final ArrayDeque<Object> messages;
    private final WaitQueue takers = new WaitQueue();
    private final WaitQueue putters = new WaitQueue();
    /** One take request for every take: taking allocates nothing. */
    private final Sys take = new Take();
    private Scheduler scheduler;
    private boolean closed;

    /**
     * An open, empty mailbox.
     *
     * @param capacity how many messages it holds before a put waits; 0 for a rendezvous
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public Mailbox(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a mailbox cannot hold a negative number of messages: " + capacity);
        }
        this.capacity = capacity;
        this.messages = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /**
     * The request to yield to put {@code message}: {@code Yield.now(box.put(message))} returns
     * ({@code null}) once the message is in the box or, for a rendezvous, taken.
     *
     * @param message the message; not null
     * @return the request to yield; it puts {@code message} when yielded, not before
     * @throws NullPointerException if {@code message} is null
     */
    public Sys put(T message) {
        return new Put(this, Objects.requireNonNull(message, "a mailbox message cannot be null"));
    }

    /**
     * The request to yield to take a message: {@code T v = Yield.now(box.take());}.
     *
     * @return the request to yield; the same object on every call
     */
    public Sys take() {
        return take;
    }

    /**
     * Closes it: takers get what it holds, then {@link NoSuchElementException}; every putter,
     * waiting or to come, gets {@link IllegalStateException}. Closing twice changes nothing.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Task t; (t = putters.poll()) != null; ) {
            scheduler.throwInto(t, putOnClosed(t.dropCarried()));
        }
        // Takers wait only while it is empty: none of them will ever get a message.
        for (Task t; (t = takers.poll()) != null; ) {
            scheduler.throwInto(t, takeOnClosed());
        }
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * How many messages it holds now.
     *
     * @return the number of messages put and not yet taken; 0 for a rendezvous
     */
    public int size() {
        return messages.size();
    }

    /**
     * How many messages it holds before a put waits.
     *
     * @return the capacity it was made with; 0 for a rendezvous
     */
    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "Mailbox(" + messages.size() + "/" + capacity + (closed ? ", closed)" : ")");
    }

    // ---- On the scheduler's thread ------------------------------------------------------

    private void put(Scheduler s, Task putter, Object message) {
        if (!bind(s, putter)) {
            return;
        }
        if (closed) {
            s.throwInto(putter, putOnClosed(message));
            return;
        }
        Task taker = takers.poll();
        if (taker != null) {
            // Someone waits, so the box is empty: hand the message over.
            s.resume(taker, message);
            s.resume(putter, null);
        } else if (messages.size() < capacity) {
            messages.add(message);
            s.resume(putter, null);
        } else {
            putter.carry(message);
            putter.waitingOn = this;
            putters.add(putter);
        }
    }

    private void take(Scheduler s, Task taker) {
        if (!bind(s, taker)) {
            return;
        }
        Object message = messages.poll();
        if (message != null) {
            Task putter = putters.poll();
            if (putter != null) {
                // Room for the first waiting putter's message.
                messages.add(putter.dropCarried());
                s.resume(putter, null);
            }
            s.resume(taker, message);
            return;
        }
        Task putter = putters.poll();
        if (putter != null) {
            // A rendezvous: the putter's message goes straight to the taker.
            s.resume(taker, putter.dropCarried());
            s.resume(putter, null);
        } else if (closed) {
            s.throwInto(taker, takeOnClosed());
        } else {
            taker.waitingOn = this;
            takers.add(taker);
        }
    }

    /** A waiting taker or putter is killed: it leaves the queue (ending it dropped its message). */
    void withdraw(Task task) {
        task.unlink();
    }

    private boolean bind(Scheduler s, Task task) {
        if (scheduler == null) {
            scheduler = s;
        } else if (scheduler != s) {
            s.throwInto(task, new IllegalStateException(
                    this + " belongs to the tasks of another scheduler: a mailbox connects the tasks of one scheduler"));
            return false;
        }
        return true;
    }

    private IllegalStateException putOnClosed(Object message) {
        return new IllegalStateException("cannot put " + message + " into a closed mailbox");
    }

    private NoSuchElementException takeOnClosed() {
        return new NoSuchElementException("the mailbox is closed and empty: no message will come");
    }

    private static final class Put extends Sys {
        private final Mailbox<?> box;
        private final Object message;

        Put(Mailbox<?> box, Object message) {
            this.box = box;
            this.message = message;
        }

        @Override
        void handle(Scheduler scheduler, Task task) {
            box.put(scheduler, task, message);
        }

        @Override
        public String toString() {
            return "Mailbox.put(" + message + ")";
        }
    }

    private final class Take extends Sys {
        @Override
        void handle(Scheduler scheduler, Task task) {
            Mailbox.this.take(scheduler, task);
        }

        @Override
        public String toString() {
            return "Mailbox.take()";
        }
    }
}
