package dev.gen4j.fuzz;

/** A checked exception the driver throws into a program at a yield, where no method declares it. */
public final class InjectedChecked extends Exception {
    private static final long serialVersionUID = 1L;

    public InjectedChecked(String message) {
        super(message);
    }
}
