package dev.gen4j.samples.pyos;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * "A Curious Course on Coroutines and Concurrency", part 7: the "pyos" operating system, one
 * step at a time, on gen4j's {@link dev.gen4j.sched.Scheduler} instead of the seed's.
 */
@Command(name = "pyos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The seed's pyos operating system, one step at a time, on gen4j's Scheduler.",
            "  --step 1  pyos1.py: a task is a generator run until its next yield",
            "  --step 2  pyos2.py: a scheduler alternates between tasks (forever, or --rounds N)",
            "  --step 3  pyos3.py: tasks that end leave the scheduler",
            "  --step 4  pyos4.py: system calls: GetTid (Sys.tid)",
            "  --step 5  pyos5.py: NewTask and KillTask (Sys.spawn, Sys.kill)",
            "  --step 6  pyos6.py: WaitTask (Sys.join); with --echo, echobad.py: blocking I/O freezes all",
            "  --step 7  echogood.py: ReadWait/WriteWait (Io.readable/writable); --quiet: echogood2.py",
            "  --step 8  echoserver.py: Accept/Recv/Send as subroutines (Yield.from);",
            "            with --trampoline, trampoline.py: add(2, 2) run by a hand-written trampoline",
            "The echo servers print where they listen on standard error."})
public final class Pyos implements Callable<Integer> {
    @Option(names = "--step", required = true, paramLabel = "N", description = "Which step to run, 1 to 8.")
    int step;

    @Option(names = "--rounds", paramLabel = "N", description = "Step 2: each task prints N times (default: forever).")
    Long rounds;

    @Option(names = "--echo", description = "Step 6: the echo server of echobad.py.")
    boolean echo;

    @Option(names = "--quiet", description = "Step 7: without the \"I'm alive!\" task (echogood2.py).")
    boolean quiet;

    @Option(names = "--trampoline", description = "Step 8: trampoline.py.")
    boolean trampoline;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        switch (step) {
            case 1 -> Step1Tasks.run(out);
            case 2 -> Step2Scheduler.run(out, rounds == null ? Long.MAX_VALUE : rounds);
            case 3 -> Step3TaskExit.run(out);
            case 4 -> Step4SystemCalls.run(out);
            case 5 -> Step5TaskManagement.run(out);
            case 6 -> {
                if (echo) {
                    Step6BlockingEcho.run(out, err, server);
                } else {
                    Step6TaskWaiting.run(out);
                }
            }
            case 7 -> Step7IoWaiting.run(out, err, server, quiet);
            default -> {
                if (trampoline) {
                    Step8Trampoline.run(out);
                } else {
                    Step8EchoServer.run(out, err, server);
                }
            }
        }
        out.flush();
        return 0;
    }

    private void checkOptions() {
        if (step < 1 || step > 8) {
            throw usage("--step must be between 1 and 8, not " + step);
        }
        if (rounds != null && (step != 2 || rounds < 0)) {
            throw usage(step != 2 ? "--rounds goes with --step 2" : "--rounds must be 0 or more, not " + rounds);
        }
        if (echo && step != 6) {
            throw usage("--echo goes with --step 6");
        }
        if (quiet && step != 7) {
            throw usage("--quiet goes with --step 7");
        }
        if (trampoline && step != 8) {
            throw usage("--trampoline goes with --step 8");
        }
        boolean echoServer = step == 6 && echo || step == 7 || step == 8 && !trampoline;
        for (String option : new String[] {"--host", "--port", "--clients"}) {
            if (!echoServer && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw usage(option + " goes with the echo servers: --step 6 --echo, --step 7, --step 8");
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
