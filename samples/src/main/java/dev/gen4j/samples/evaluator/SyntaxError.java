package dev.gen4j.samples.evaluator;

/** The expression does not follow the grammar: Python's {@code SyntaxError}. */
public final class SyntaxError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SyntaxError(String message) {
        super(message);
    }
}
