package dev.gen4j.bench.echo;

/** What the load clients' command lines share. */
final class Options {
    private Options() {
    }

    /** {@code value} of {@code option} as a whole number from {@code min} to {@code max}; else a message saying so. */
    static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }
}
