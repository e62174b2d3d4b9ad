package dev.gen4j.fuzz;

import java.util.Arrays;
import java.util.List;

/**
 * What one run of a program showed: every value yielded, in order, and how the run ended
 * ("returned X", "threw E: message", "closed", "ignored GeneratorExit"), all as text; and the
 * exception that ended it, if any, for the report.
 */
record Outcome(List<String> yielded, String end, Throwable thrown) {

    /** Whether both runs showed the same: values and end (the exceptions are other objects). */
    boolean sameAs(Outcome other) {
        boolean endKnown = !end.startsWith(UNMODELLED) && !other.end.startsWith(UNMODELLED);
        return yielded.equals(other.yielded) && (!endKnown || end.equals(other.end));
    }

    /** A value as text that is equal for equal values in both runs (arrays by content, type included). */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof int[] a) {
            return "int" + Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return "long" + Arrays.toString(a);
        }
        if (v instanceof Object[] a) {
            return v.getClass().getComponentType().getSimpleName() + Arrays.deepToString(a);
        }
        return v.getClass().getName() + ":" + v;
    }

    /**
     * An exception as text. The messages the JVM writes for null pointers name the bytecode that
     * failed, which the rewrite changes: those are left out. Identity hashes are left out too.
     */
    static String describe(Throwable t) {
        if (t instanceof NullPointerException) {
            return t.getClass().getName();
        }
        return t.getClass().getName() + ": " + String.valueOf(t.getMessage()).replaceAll("@[0-9a-f]+", "@");
    }

    static String returned(Object result) {
        return "returned " + describe(result);
    }

    static String threw(Throwable t) {
        return "threw " + describe(t);
    }

    static final String CLOSED = "closed";
    static final String IGNORED_EXIT = "ignored GeneratorExit";
    /** The start of the end of a plain run that cannot show how the run ends: only its values count. */
    static final String UNMODELLED = "not modelled: ";

    static String closedAfterReturning(Object result) {
        return "closed, then " + returned(result);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < yielded.size(); i++) {
            s.append("  yield ").append(i).append(": ").append(yielded.get(i)).append('\n');
        }
        return s.append("  end: ").append(end).toString();
    }
}
