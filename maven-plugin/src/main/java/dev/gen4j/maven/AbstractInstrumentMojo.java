package dev.gen4j.maven;

import dev.gen4j.agent.aot.AheadOfTime;
import dev.gen4j.agent.aot.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Instruments the {@code @Generator} methods of one class directory in place, resolving types
 * on the module's own class path. Classes that carry gen4j's marker were instrumented before and
 * are not written again, so a second run writes nothing and a class the compiler wrote anew is
 * instrumented again; if any method is refused, nothing is written and the build fails with
 * {@code path/File.java:LINE: message} lines.
 */
abstract class AbstractInstrumentMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips instrumentation ({@code -Dgen4j.skip}). */
    @Parameter(property = "gen4j.skip", defaultValue = "false")
    boolean skip;

    /** The classes to instrument. */
    abstract Path classesDirectory();

    /** Where the types those classes use are found. */
    abstract List<String> classPathElements() throws DependencyResolutionRequiredException;

    /** Where their sources are, for the file names of refusals. */
    abstract List<String> sourceRoots();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gen4j: instrumentation skipped (gen4j.skip)");
            return;
        }
        Path classes = classesDirectory();
        if (!Files.isDirectory(classes)) {
            getLog().info("gen4j: no classes in " + classes + "; nothing to instrument");
            return;
        }
        List<Path> classPath = new ArrayList<>();
        classPath.add(classes);
        try {
            for (String element : classPathElements()) {
                classPath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("gen4j: the class path of " + project.getId() + " is not resolved", e);
        }
        AheadOfTime.Outcome outcome;
        try (AheadOfTime aot = new AheadOfTime(classPath,
                "it is not on the module's class path: add the dependency that holds it")) {
            outcome = aot.directory(classes, classes);
        } catch (IOException e) {
            throw new MojoExecutionException("gen4j: cannot instrument " + classes + ": " + e.getMessage(), e);
        }
        outcome.warnings().forEach(w -> getLog().warn("gen4j: " + w));
        if (!outcome.problems().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Problem p : outcome.problems()) {
                lines.add(p.located(source(p.sourcePath())));
            }
            lines.forEach(getLog()::error);
            throw new MojoFailureException("gen4j: " + lines.size() + " method" + (lines.size() == 1 ? "" : "s")
                    + " cannot be instrumented; nothing in " + classes + " was changed:\n" + String.join("\n", lines));
        }
        if (outcome.instrumented() == 0) {
            getLog().info("gen4j: nothing to write" + (outcome.alreadyInstrumented() > 0
                    ? ": " + outcome.alreadyInstrumented() + " class" + (outcome.alreadyInstrumented() == 1 ? " is" : "es are")
                            + " already instrumented"
                    : ": no @Generator methods in " + classes));
        } else {
            getLog().info("gen4j: instrumented " + outcome.instrumented() + " class"
                    + (outcome.instrumented() == 1 ? "" : "es") + " in " + classes
                    + (outcome.alreadyInstrumented() > 0 ? " (" + outcome.alreadyInstrumented() + " already instrumented)" : ""));
        }
    }

    /** The source file's path under the first source root that has it, else the path as the class file names it. */
    private String source(String relative) {
        if (relative == null) {
            return null;
        }
        for (String root : sourceRoots()) {
            Path candidate = Path.of(root).resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate.toString();
            }
        }
        return relative;
    }
}
