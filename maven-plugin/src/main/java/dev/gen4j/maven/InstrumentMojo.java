package dev.gen4j.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Instruments the {@code @Generator} methods of the main classes ({@code target/classes}). */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {
    @Override
    Path classesDirectory() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    @Override
    List<String> classPathElements() throws DependencyResolutionRequiredException {
        return project.getCompileClasspathElements();
    }

    @Override
    List<String> sourceRoots() {
        return project.getCompileSourceRoots();
    }
}
