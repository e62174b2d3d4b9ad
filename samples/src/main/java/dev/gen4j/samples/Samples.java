package dev.gen4j.samples;

import dev.gen4j.samples.concurrency.CoProcess;
import dev.gen4j.samples.concurrency.CoThread;
import dev.gen4j.samples.coroutines.Broadcast;
import dev.gen4j.samples.coroutines.GrepClose;
import dev.gen4j.samples.countdown.Countdown;
import dev.gen4j.samples.echo.EchoServer;
import dev.gen4j.samples.evaluator.Eval;
import dev.gen4j.samples.futures.AsyncFutures;
import dev.gen4j.samples.futures.Futures;
import dev.gen4j.samples.generators.Bogus;
import dev.gen4j.samples.generators.Follow;
import dev.gen4j.samples.generators.LogSim;
import dev.gen4j.samples.multitask.Multitask;
import dev.gen4j.samples.protocol.Actors;
import dev.gen4j.samples.protocol.ContextManagers;
import dev.gen4j.samples.pyos.Pyos;
import dev.gen4j.samples.pyos.SockEcho;
import dev.gen4j.samples.xml.Buses;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar samples.jar COMMAND}: the seed programs, written with gen4j, their generators
 * instrumented when the jar is built. A wrong argument gets one line on standard error and exit
 * status 2; classes left uninstrumented get gen4j's explanation and exit status 1.
 */
@Command(name = "samples", mixinStandardHelpOptions = true, version = "gen4j samples 0.1.0",
        description = {"The seed programs, written with gen4j generators.",
            "Run them with: java -jar samples.jar COMMAND"},
        subcommands = {Countdown.class, Multitask.class, EchoServer.class,
            Follow.class, LogSim.class, GrepClose.class, Bogus.class, Broadcast.class, Buses.class,
            CoThread.class, CoProcess.class, ContextManagers.class, Actors.class, Eval.class,
            Pyos.class, SockEcho.class, Futures.class, AsyncFutures.class,
            CommandLine.HelpCommand.class})
public final class Samples implements Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, ready to {@code execute}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Samples())
                .setExecutionStrategy(Samples::runWithGenerators)
                .setParameterExceptionHandler(Samples::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: " + commandNames());
    }

    /** Answers help requests; otherwise checks the generators are instrumented before running a command. */
    private static int runWithGenerators(ParseResult parsed) {
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            return helped;
        }
        if (parsed.hasSubcommand()) {
            String missing = InstrumentationCheck.whatIsMissing();
            if (missing != null) {
                List<CommandLine> commands = parsed.asCommandLineList();
                CommandLine command = commands.get(commands.size() - 1);
                command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + oneLine(missing));
                command.getErr().flush();
                return FAILED;
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(explain(e)) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return USAGE;
    }

    private static String explain(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched
                && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; " + commandNames(e.getCommandLine());
        }
        return e.getMessage();
    }

    private static int failure(Exception e, CommandLine cmd) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": failed: " + e);
        e.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return FAILED;
    }

    private String commandNames() {
        return commandNames(spec.commandLine());
    }

    private static String commandNames(CommandLine top) {
        return "the commands are " + String.join(", ", top.getSubcommands().keySet());
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }
}
