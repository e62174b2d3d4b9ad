package dev.gen4j;

/**
 * Thrown into a suspended generator by {@link Gen#close()} so that its {@code finally} blocks
 * run. Like Python's {@code GeneratorExit} it is not an {@link Exception}: a
 * {@code catch (Exception e)} in the body does not swallow it.
 */
public class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    /** The signal {@link Gen#close()} throws at the pending yield. */
    public GeneratorExit() {
        // No stack trace: it is a control signal, created on every close().
        super("generator closed", null, false, false);
    }
}
