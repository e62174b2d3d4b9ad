package dev.gen4j.fuzz;

import dev.gen4j.GeneratorExit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stands in for {@code Yield} and {@code Gen} in the plain variant of a program: a yield records
 * its value and returns (or throws) what the {@link DrivePlan} says the driver would send in.
 * Public with public methods: the programs, in another package, call it.
 */
public final class Recorder {
    /** Thrown at a yield that comes after the driver closed the generator: the run is over. */
    static final class RunOver extends Error {
        private static final long serialVersionUID = 1L;

        RunOver() {
            super("yield after close", null, false, false);
        }
    }

    /** A generator's run in the plain variant: a body that called {@link #enter()}, at that stack depth. */
    private record Frame(int id, int depth) {
    }

    private static final StackWalker STACK = StackWalker.getInstance();

    private final DrivePlan plan;
    private final List<String> yielded = new ArrayList<>();
    private int yields;
    private boolean closing;
    private boolean yieldedWhileClosing;
    /**
     * The generators running now, outermost first (each body's first statement is
     * {@code rec.enter()}); a body that ended is dropped when code of a shallower one runs.
     */
    private final Deque<Frame> running = new ArrayDeque<>();
    private int frames;
    /** The generators that close() reached, by PEP 380: those delegating at the yield where it came. */
    private final Set<Integer> closed = new HashSet<>();
    private int outermostClosed = -1;
    /** What the plain run cannot show: a delegate that close() reached yielded again. */
    private String unmodelled;

    Recorder(DrivePlan plan) {
        this.plan = plan;
    }

    public <S> S now() {
        return now(null);
    }

    /** Called first by each generator body of the plain variant. */
    public void enter() {
        int depth = callerDepth();
        drop(depth - 1);
        running.addLast(new Frame(frames++, depth));
    }

    @SuppressWarnings("unchecked")
    public <S> S now(Object value) {
        drop(callerDepth());
        int k = yields++;
        if (closing) {
            // The yield goes out through the innermost generator close() reached that still runs:
            // the outermost one yielded, and the driver's close() sees it; a delegate would be
            // left suspended, with the delegator told so, which a plain run cannot do.
            Frame yielding = null;
            for (Frame f : running) {
                if (closed.contains(f.id())) {
                    yielding = f;
                }
            }
            if (yielding != null && yielding.id() != outermostClosed) {
                unmodelled = "a delegate close() reached yielded again";
            }
            yieldedWhileClosing = true;
            throw new RunOver();
        }
        yielded.add(Outcome.describe(value));
        switch (plan.action(k)) {
            case SEND:
                return (S) plan.sent(k);
            case RAISE:
                throw Recorder.<RuntimeException>sneaky(plan.raised(k));
            case CLOSE:
                closing = true;
                for (Frame f : running) {
                    closed.add(f.id());
                }
                outermostClosed = running.isEmpty() ? -1 : running.getFirst().id();
                throw new GeneratorExit();
            default:
                return null;
        }
    }

    /** What a generator lambda's body is in the plain variant: the same block, run when delegated to. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * {@code Gen.generate(body)} in the plain variant: like the generator, it does not run before
     * it is delegated to, runs once, and is finished afterwards however it ended.
     */
    public static final class Lambda {
        private final Body body;
        private boolean started;

        Lambda(Body body) {
            this.body = body;
        }

        /**
         * {@code close()} of a kept generator lambda. The program only reaches one when it is not
         * running (nothing it runs can name it), so it is new (and now finished) or finished.
         */
        public void close() {
            started = true;
        }

        /** {@code isDone()}: outside its own run, a started lambda has finished. */
        public boolean isDone() {
            return started;
        }
    }

    /** {@code Gen.generate(body)}. */
    public Lambda generate(Body body) {
        return new Lambda(body);
    }

    /**
     * {@code Yield.from(g)}: a plain method delegate already ran, and this is its result; a lambda
     * runs now (its result is null), and a finished one gives null at once, as a finished
     * generator does.
     */
    @SuppressWarnings("unchecked")
    public <R> R from(Object result) {
        int depth = callerDepth();
        if (result instanceof Lambda lambda) {
            drop(depth);
            if (!lambda.started) {
                lambda.started = true;
                try {
                    lambda.body.run();
                } catch (Exception e) {
                    throw Recorder.<RuntimeException>sneaky(e);
                }
            }
        }
        // The delegate that just returned, if it was a generator body: the shallowest one deeper.
        Frame delegate = null;
        for (Frame f : running) {
            if (f.depth() > depth) {
                delegate = f;
                break;
            }
        }
        drop(depth);
        if (delegate != null && closed.contains(delegate.id())) {
            // PEP 380: the delegate's close() returned, so GeneratorExit goes on in the delegator.
            throw new GeneratorExit();
        }
        return result instanceof Lambda ? null : (R) result;
    }

    /** Forgets the generator bodies that ran deeper than {@code depth}: they have ended. */
    private void drop(int depth) {
        while (!running.isEmpty() && running.getLast().depth() > depth) {
            running.removeLast();
        }
    }

    /** The stack depth of the program's code that called a method of this class. */
    private static int callerDepth() {
        // This method's frame and the public method's: not the caller's.
        return STACK.walk(frames -> (int) frames.count()) - 2;
    }

    /** {@code Gen.done()}. */
    public Object done() {
        return null;
    }

    /** {@code Gen.done(result)}. */
    public Object done(Object result) {
        return result;
    }

    /** {@code Gen.of(items)}: yields each item; its result is null. */
    public Object of(Iterable<?> items) {
        drop(callerDepth());
        for (Object item : items) {
            now(item);
        }
        return null;
    }

    /** The outcome of the plain run, given how the program's entry point ended. */
    Outcome outcome(Object returned, Throwable thrown) {
        String end;
        if (unmodelled != null) {
            end = Outcome.UNMODELLED + unmodelled;
        } else if (yieldedWhileClosing) {
            end = Outcome.IGNORED_EXIT;
        } else if (thrown != null) {
            end = closing && thrown instanceof GeneratorExit ? Outcome.CLOSED : Outcome.threw(thrown);
        } else {
            end = closing ? Outcome.closedAfterReturning(returned) : Outcome.returned(returned);
        }
        return new Outcome(List.copyOf(yielded), end, thrown);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
