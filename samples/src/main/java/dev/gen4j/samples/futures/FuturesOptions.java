package dev.gen4j.samples.futures;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the {@code futures} and {@code async} commands: the same program, two drivers. */
final class FuturesOptions {
    @Option(names = "--delay-ms", paramLabel = "MS", defaultValue = "1000",
            description = "How long func() and after() wait, in milliseconds (default: ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(names = "--fibs", paramLabel = "N", defaultValue = "34",
            description = "compute_fibs(N) for the timings (default: ${DEFAULT-VALUE}, the seed's).")
    int fibs;

    @Option(names = "--trace", paramLabel = "N", defaultValue = "5",
            description = "compute_fibs(N) for the examples that print threads (default: ${DEFAULT-VALUE}).")
    int trace;

    void check(CommandSpec spec) {
        if (delayMs < 0) {
            throw new ParameterException(spec.commandLine(), "--delay-ms must be 0 or more, not " + delayMs);
        }
        if (fibs < 0 || fibs > 46 || trace < 0 || trace > 46) {
            // fib(46) is the last one an int holds
            throw new ParameterException(spec.commandLine(), "--fibs and --trace must be between 0 and 46");
        }
    }
}
