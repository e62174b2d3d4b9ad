package dev.gen4j.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar gen-agent.jar <command>}: the agent jar's command line. */
@Command(name = "java -jar gen-agent.jar", mixinStandardHelpOptions = true, version = "gen4j agent 0.1.0",
        description = {"The gen4j agent. As a Java agent (-javaagent:gen-agent.jar) it rewrites @Generator",
            "methods as classes load; as a command it does the same to class files ahead of time."},
        subcommands = {InstrumentCommand.class, CommandLine.HelpCommand.class})
public final class AgentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'instrument --help'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; exit codes: 0 ok, 1 instrumentation problems, 2 usage error. */
    public static CommandLine commandLine() {
        return new CommandLine(new AgentCommand())
                .setExitCodeExceptionMapper(e -> 1)
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println("error: " + e.getMessage());
                    e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                            + " --help' for usage.");
                    return 2;
                });
    }
}
