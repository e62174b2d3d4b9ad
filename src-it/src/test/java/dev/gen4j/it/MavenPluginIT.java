package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gen4j-maven-plugin and the agent artifact in real Maven builds of the example projects. */
class MavenPluginIT {
    @TempDir
    Path work;

    @Test
    void generatorsInMainAndTestClassesRunInTheProjectsOwnTestsWithoutAnAgent() throws Exception {
        ExampleBuild single = ExampleBuild.copy("single", work);
        ExampleBuild.Result build = single.mvn("verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                () -> assertTrue(build.log().contains("gen4j: instrumented 1 class in " + single.dir.resolve("target/classes")),
                        build.log()),
                () -> assertTrue(build.log().contains("gen4j: instrumented 1 class in "
                        + single.dir.resolve("target/test-classes")), build.log()),
                () -> assertFalse(build.log().contains("-javaagent"), build.log()));
    }

    @Test
    void aSecondBuildWritesNothingAndSaysSo() throws Exception {
        ExampleBuild single = ExampleBuild.copy("single", work);
        assertTrue(single.mvn("process-test-classes").succeeded());
        Path counter = single.dir.resolve("target/classes/app/Counter.class");
        byte[] once = Files.readAllBytes(counter);
        FileTime written = Files.getLastModifiedTime(counter);

        ExampleBuild.Result again = single.mvn("process-test-classes");
        assertAll(
                () -> assertTrue(again.succeeded(), again.log()),
                () -> assertEquals(2, count(again.log(), "gen4j: nothing to write: 1 class is already instrumented"),
                        again.log()),
                () -> assertArrayEquals(once, Files.readAllBytes(counter)),
                () -> assertEquals(written, Files.getLastModifiedTime(counter)));
    }

    @Test
    void aClassTheCompilerWritesAgainIsInstrumentedAgain() throws Exception {
        ExampleBuild single = ExampleBuild.copy("single", work);
        assertTrue(single.mvn("process-classes").succeeded());
        Path source = single.dir.resolve("src/main/java/app/Counter.java");
        Files.writeString(source, Files.readString(source).replace("\"liftoff\"", "\"landed\""));
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));

        ExampleBuild.Result rebuilt = single.mvn("process-classes");
        Path counter = single.dir.resolve("target/classes/app/Counter.class");
        assertAll(
                () -> assertTrue(rebuilt.succeeded(), rebuilt.log()),
                () -> assertTrue(rebuilt.log().contains("gen4j: instrumented 1 class"), rebuilt.log()),
                () -> assertTrue(ExampleBuild.isInstrumented(counter)),
                () -> assertTrue(new String(Files.readAllBytes(counter), "ISO-8859-1").contains("landed")));
    }

    @Test
    void gen4jSkipLeavesTheClassesAsCompiled() throws Exception {
        ExampleBuild single = ExampleBuild.copy("single", work);
        ExampleBuild.Result build = single.mvn("process-classes", "-Dgen4j.skip");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("gen4j: instrumentation skipped (gen4j.skip)"), build.log()),
                () -> assertFalse(ExampleBuild.isInstrumented(single.dir.resolve("target/classes/app/Counter.class"))));
    }

    @Test
    void aMethodThatCannotBeInstrumentedFailsTheBuildWithItsFileAndLine() throws Exception {
        ExampleBuild refusal = ExampleBuild.copy("refusal", work);
        ExampleBuild.Result build = refusal.mvn("process-classes");
        Path source = refusal.dir.resolve("src/main/java/app/Locked.java");
        assertAll(
                () -> assertFalse(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("[ERROR] " + source + ":13: cannot instrument"
                        + " app.Locked.holdsTheLock() (Locked.java:13): Yield.now() inside a synchronized block"),
                        build.log()),
                () -> assertTrue(build.log().contains("BUILD FAILURE"), build.log()),
                () -> assertFalse(ExampleBuild.isInstrumented(refusal.dir.resolve("target/classes/app/Locked.class"))));
    }

    @Test
    void inAMultiModuleBuildAGeneratorOfOneModuleDrivesOneOfAnother() throws Exception {
        ExampleBuild multi = ExampleBuild.copy("multi", work);
        ExampleBuild.Result build = multi.mvn("verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                () -> assertTrue(ExampleBuild.isInstrumented(multi.dir.resolve("lib/target/classes/lib/Words.class"))),
                () -> assertTrue(ExampleBuild.isInstrumented(multi.dir.resolve("app/target/classes/app/Shout.class"))));
    }

    @Test
    void theAgentArtifactRunsTheTestsAsAJavaAgentThroughDependencyProperties() throws Exception {
        ExampleBuild agent = ExampleBuild.copy("agent", work);
        ExampleBuild.Result build = agent.mvn("verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                () -> assertFalse(ExampleBuild.isInstrumented(agent.dir.resolve("target/classes/app/Counter.class"))));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
