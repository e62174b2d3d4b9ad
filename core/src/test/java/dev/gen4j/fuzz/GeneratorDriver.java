package dev.gen4j.fuzz;

import dev.gen4j.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Drives an instrumented program's generator by its {@link DrivePlan}, noting what it yields. */
final class GeneratorDriver {
    private GeneratorDriver() {
    }

    static Outcome drive(Gen<?> g, DrivePlan plan) {
        List<String> yielded = new ArrayList<>();
        try {
            Object v = plan.startsWithHasNext() ? (g.hasNext() ? g.next() : null) : g.send(null);
            for (int k = 0; !g.isDone(); k++) {
                yielded.add(Outcome.describe(v));
                switch (plan.action(k)) {
                    case SEND -> v = g.send(plan.sent(k));
                    case NEXT -> v = next(g);
                    case HAS_NEXT -> v = g.hasNext() ? g.next() : null;
                    case RAISE -> v = g.raise(plan.raised(k));
                    case CLOSE -> {
                        return new Outcome(yielded, close(g), null);
                    }
                }
            }
            return new Outcome(yielded, Outcome.returned(g.result()), null);
        } catch (Throwable t) {
            return new Outcome(yielded, Outcome.threw(t), t);
        }
    }

    private static Object next(Gen<?> g) {
        try {
            return g.next();
        } catch (NoSuchElementException finished) {
            if (!g.isDone()) {
                throw finished;
            }
            return null;
        }
    }

    private static String close(Gen<?> g) {
        try {
            g.close();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("generator ignored GeneratorExit")) {
                return Outcome.IGNORED_EXIT;
            }
            throw e;
        }
        Object result;
        try {
            result = g.result();
        } catch (IllegalStateException endedByGeneratorExit) {
            return Outcome.CLOSED;
        }
        return Outcome.closedAfterReturning(result);
    }
}
