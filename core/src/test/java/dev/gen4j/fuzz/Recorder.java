package dev.gen4j.fuzz;

import dev.gen4j.GeneratorExit;
import java.util.ArrayList;
import java.util.List;

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

    private final DrivePlan plan;
    private final List<String> yielded = new ArrayList<>();
    private int yields;
    private boolean closing;
    private boolean yieldedWhileClosing;

    Recorder(DrivePlan plan) {
        this.plan = plan;
    }

    public <S> S now() {
        return now(null);
    }

    @SuppressWarnings("unchecked")
    public <S> S now(Object value) {
        int k = yields++;
        if (closing) {
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
    }

    /** {@code Gen.generate(body)}. */
    public Object generate(Body body) {
        return new Lambda(body);
    }

    /**
     * {@code Yield.from(g)}: a plain method delegate already ran, and this is its result; a lambda
     * runs now (its result is null), and a finished one gives null at once, as a finished
     * generator does.
     */
    @SuppressWarnings("unchecked")
    public <R> R from(Object result) {
        if (result instanceof Lambda lambda) {
            if (!lambda.started) {
                lambda.started = true;
                try {
                    lambda.body.run();
                } catch (Exception e) {
                    throw Recorder.<RuntimeException>sneaky(e);
                }
            }
            return null;
        }
        return (R) result;
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
        for (Object item : items) {
            now(item);
        }
        return null;
    }

    /** The outcome of the plain run, given how the program's entry point ended. */
    Outcome outcome(Object returned, Throwable thrown) {
        String end;
        if (yieldedWhileClosing) {
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
