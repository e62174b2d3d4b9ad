package dev.gen4j.fuzz;

/**
 * How a program's generator is driven, yield by yield: what the driver answers to the k-th value
 * yielded. The instrumented run acts on it through {@code Gen}; the plain run's {@link Recorder}
 * answers the same at the same yield, so both runs see the same values and exceptions.
 */
final class DrivePlan {
    /** The driver's answer to one yielded value. */
    enum Action {
        /** {@code send(sent(k))}. */
        SEND,
        /** {@code next()}. */
        NEXT,
        /** {@code hasNext()}, then {@code next()}: the generator runs ahead first. */
        HAS_NEXT,
        /** {@code raise(raised(k))}. */
        RAISE,
        /** {@code close()}: the run's last answer, so that every run ends. */
        CLOSE
    }

    private final long seed;
    private final int maxYields;

    DrivePlan(long seed) {
        this.seed = seed;
        // Half the runs are cut short, so that close() meets bodies in all sorts of states.
        long range = (mix(seed, -3) & 1) == 0 ? 24 : 160;
        this.maxYields = 1 + (int) Math.floorMod(mix(seed, -1), range);
    }

    /** How many values the driver takes before it closes the generator. */
    int maxYields() {
        return maxYields;
    }

    /** Whether the generator is started with {@code hasNext()} rather than {@code send(null)}. */
    boolean startsWithHasNext() {
        return (mix(seed, -2) & 1) == 0;
    }

    Action action(int k) {
        if (k >= maxYields - 1) {
            return Action.CLOSE;
        }
        int roll = (int) Math.floorMod(mix(seed, k), 32L);
        if (roll < 2) {
            return Action.RAISE;
        }
        if (roll < 7) {
            return Action.NEXT;
        }
        if (roll < 10) {
            return Action.HAS_NEXT;
        }
        return Action.SEND;
    }

    /** The value sent in for the k-th yield. */
    Integer sent(int k) {
        return k * 3 + 1;
    }

    /** The exception thrown in at the k-th yield: unchecked or checked, in turn. */
    Throwable raised(int k) {
        String message = "raised at yield " + k;
        return k % 3 == 2 ? new InjectedChecked(message) : new Injected(message);
    }

    private static long mix(long seed, long k) {
        long z = seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
