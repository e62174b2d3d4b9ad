package dev.gen4j.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Instruments the {@code @Generator} methods of the test classes ({@code target/test-classes}). */
@Mojo(name = "instrument-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {
    @Override
    Path classesDirectory() {
        return Path.of(project.getBuild().getTestOutputDirectory());
    }

    @Override
    List<String> classPathElements() throws DependencyResolutionRequiredException {
        return project.getTestClasspathElements();
    }

    @Override
    List<String> sourceRoots() {
        return project.getTestCompileSourceRoots();
    }
}
