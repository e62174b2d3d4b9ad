package dev.gen4j.fuzz;

/** An unchecked exception the driver throws into a program at a yield. Public: programs catch it. */
public final class Injected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Injected(String message) {
        super(message);
    }
}
