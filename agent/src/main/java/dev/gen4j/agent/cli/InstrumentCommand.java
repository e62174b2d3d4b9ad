package dev.gen4j.agent.cli;

import dev.gen4j.agent.aot.AheadOfTime;
import dev.gen4j.agent.aot.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code instrument <dir|jar>... [--out DIR]}: the agent's rewrite, applied to class files. */
@Command(name = "instrument", mixinStandardHelpOptions = true,
        description = {"Rewrites the @Generator methods of the classes in each directory or jar, in place",
            "or into --out. Classes already instrumented are left as they are, so running it twice",
            "writes nothing. gen4j's own classes and the JDK's need no --classpath.",
            "Exit status: 0 done, 1 some method could not be instrumented (reported; that input is",
            "left unchanged), 2 bad arguments."})
final class InstrumentCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "<dir|jar>", description = "Class directories or jar files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write here instead of in place: a directory's classes keep their relative paths,"
                    + " a jar keeps its file name.")
    Path out;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH", split = "${sys:path.separator}",
            description = "Where the classes the inputs use can be found (for type analysis).")
    List<Path> classpath = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (Path input : inputs) {
            if (!Files.isDirectory(input) && !(Files.isRegularFile(input) && isJar(input))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no such directory or jar file: " + input);
            }
        }
        if (out != null && Files.isRegularFile(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out must be a directory: " + out);
        }
        List<Path> typePath = new ArrayList<>(inputs);
        typePath.addAll(classpath);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int instrumented = 0;
        int already = 0;
        int problems = 0;
        try (AheadOfTime aot = new AheadOfTime(typePath, "add it with --classpath")) {
            for (Path input : inputs) {
                AheadOfTime.Outcome outcome = Files.isDirectory(input)
                        ? aot.directory(input, out == null ? input : out)
                        : aot.jar(input, out == null ? input : out.resolve(input.getFileName()));
                outcome.warnings().forEach(w -> stderr.println("warning: " + w));
                for (Problem p : outcome.problems()) {
                    stderr.println("error: " + p.message());
                }
                if (!outcome.problems().isEmpty()) {
                    stderr.println("error: " + input + " is left unchanged");
                }
                instrumented += outcome.instrumented();
                already += outcome.alreadyInstrumented();
                problems += outcome.problems().size();
            }
        }
        stderr.flush();
        stdout.println("gen4j: instrumented " + instrumented + " class" + (instrumented == 1 ? "" : "es")
                + (already > 0 ? ", " + already + " already instrumented" : "")
                + (problems > 0 ? ", " + problems + " problem" + (problems == 1 ? "" : "s") : ""));
        stdout.flush();
        return problems > 0 ? 1 : 0;
    }

    private static boolean isJar(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }
}
