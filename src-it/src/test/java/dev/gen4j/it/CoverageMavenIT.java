package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.agent.instrument.ClassInstrumenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * jacoco-maven-plugin in real Maven builds of the example project {@code coverage}: its test
 * drives a generator, and the report's jacoco.xml counts the body's lines, whether
 * gen4j-maven-plugin instrumented the classes (with JaCoCo's agent, or with its offline
 * instrumentation) or gen4j's agent rewrote them beside JaCoCo's.
 */
class CoverageMavenIT {
    /** The marked lines of app/Countdown.java, each with what the report must say of it. */
    private static final List<String> EXPECTED = List.of(
            "first: covered",
            "loop: covered, 2 of 2 branches taken",
            "branch: partly, 1 of 2 branches taken",
            "missed: missed",
            "yield: covered",
            "resumed: covered",
            "returned: covered");

    @TempDir
    Path work;

    @Test
    void withGen4jMavenPluginTheReportCountsTheGeneratorBodyLineByLine() throws Exception {
        ExampleBuild coverage = ExampleBuild.copy("coverage", work);
        ExampleBuild.Result build = coverage.mvn("verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                () -> assertFalse(build.log().contains("does not match"), build.log()),
                () -> assertTrue(ExampleBuild.isInstrumented(coverage.dir.resolve("target/classes/app/Countdown.class"))));
        assertEquals(EXPECTED, reported(coverage));
    }

    @Test
    void withTheAgentBesideJacocosTheReportCountsTheGeneratorBodyLineByLine() throws Exception {
        ExampleBuild coverage = ExampleBuild.copy("coverage", work);
        ExampleBuild.Result build = coverage.mvn("-f", "pom-agent.xml", "verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                () -> assertFalse(build.log().contains("does not match"), build.log()),
                () -> assertFalse(ExampleBuild.isInstrumented(coverage.dir.resolve("target/classes/app/Countdown.class"))));
        assertEquals(EXPECTED, reported(coverage));
    }

    /**
     * JaCoCo's offline instrumentation runs after gen4j's, in the same phase: it adds its probes
     * to gen4j's classes and, for the jar, puts back gen4j's classes.
     */
    @Test
    void withJacocosOfflineInstrumentationAfterGen4jsTheReportCountsTheBodyAndTheJarHoldsGen4jsClasses()
            throws Exception {
        ExampleBuild coverage = ExampleBuild.copy("coverage", work);
        ExampleBuild.Result build = coverage.mvn("-f", "pom-offline.xml", "verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                () -> assertFalse(build.log().contains("does not match"), build.log()),
                () -> assertTrue(ExampleBuild.isInstrumented(coverage.dir.resolve("target/classes/app/Countdown.class"))),
                () -> assertTrue(jarClassIsInstrumented(coverage.dir.resolve("target/coverage-offline-1.0.jar"))));
        assertEquals(EXPECTED, reported(coverage));
    }

    /**
     * Why the order matters: declared the other way round, JaCoCo saves the classes as compiled
     * and puts those back, so the jar holds generators that are not instrumented.
     */
    @Test
    void withJacocosOfflineInstrumentationDeclaredFirstTheJarHoldsTheClassesAsCompiled() throws Exception {
        ExampleBuild coverage = ExampleBuild.copy("coverage", work);
        Path pom = coverage.dir.resolve("pom-offline.xml");
        String xml = Files.readString(pom);
        int gen4j = xml.indexOf("      <plugin>\n        <groupId>dev.gen4j</groupId>");
        int jacoco = xml.indexOf("      <plugin>\n        <groupId>org.jacoco</groupId>");
        int rest = xml.indexOf("      <plugin><artifactId>maven-resources-plugin</artifactId>");
        assertTrue(0 < gen4j && gen4j < jacoco && jacoco < rest, "pom-offline.xml declares gen4j's plugin first");
        Files.writeString(pom, xml.substring(0, gen4j) + xml.substring(jacoco, rest) + xml.substring(gen4j, jacoco)
                + xml.substring(rest));

        ExampleBuild.Result build = coverage.mvn("-f", "pom-offline.xml", "verify");
        assertAll(
                () -> assertTrue(build.succeeded(), build.log()),
                () -> assertFalse(ExampleBuild.isInstrumented(coverage.dir.resolve("target/classes/app/Countdown.class"))),
                () -> assertFalse(jarClassIsInstrumented(coverage.dir.resolve("target/coverage-offline-1.0.jar"))));
    }

    private static boolean jarClassIsInstrumented(Path jar) throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            return ClassInstrumenter.isInstrumented(j.getInputStream(j.getEntry("app/Countdown.class")).readAllBytes());
        }
    }

    /** What target/site/jacoco/jacoco.xml says of each marked line, in the form of {@link #EXPECTED}. */
    private static List<String> reported(ExampleBuild build) throws Exception {
        Path report = build.dir.resolve("target/site/jacoco/jacoco.xml");
        assertTrue(Files.isRegularFile(report), "no report at " + report);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The report names JaCoCo's DTD; the counters need no validation.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document xml = factory.newDocumentBuilder().parse(report.toFile());
        Element source = sourceFile(xml, "app", "Countdown.java");
        Path countdown = build.dir.resolve("src/main/java/app/Countdown.java");
        List<String> statuses = new ArrayList<>();
        for (String expected : EXPECTED) {
            String marker = expected.substring(0, expected.indexOf(':'));
            statuses.add(marker + ": " + status(source, DemoProgram.line(countdown, marker)));
        }
        return statuses;
    }

    private static Element sourceFile(Document xml, String packageName, String fileName) {
        NodeList packages = xml.getElementsByTagName("package");
        for (int i = 0; i < packages.getLength(); i++) {
            Element p = (Element) packages.item(i);
            if (!p.getAttribute("name").equals(packageName)) {
                continue;
            }
            NodeList files = p.getElementsByTagName("sourcefile");
            for (int j = 0; j < files.getLength(); j++) {
                Element f = (Element) files.item(j);
                if (f.getAttribute("name").equals(fileName)) {
                    return f;
                }
            }
        }
        throw new AssertionError("the report has no " + packageName + "/" + fileName);
    }

    /** A line's counters: mi/ci missed and covered instructions, mb/cb missed and covered branches. */
    private static String status(Element sourceFile, int line) {
        NodeList lines = sourceFile.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (Integer.parseInt(l.getAttribute("nr")) != line) {
                continue;
            }
            int mi = count(l, "mi");
            int ci = count(l, "ci");
            int mb = count(l, "mb");
            int cb = count(l, "cb");
            String status = ci == 0 ? "missed" : mi == 0 && mb == 0 ? "covered" : "partly";
            return mb + cb == 0 ? status : status + ", " + cb + " of " + (mb + cb) + " branches taken";
        }
        return "no code";
    }

    private static int count(Element line, String counter) {
        return Integer.parseInt(line.getAttribute(counter));
    }
}
