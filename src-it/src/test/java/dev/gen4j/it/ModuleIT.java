package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.it.SampleProcess.Finished;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gen4j-core as the named module {@code dev.gen4j}: an application module that requires it runs
 * on the module path (instrumented ahead of time, or by the agent as it loads), and in an image
 * that {@code jlink} makes of the two.
 */
class ModuleIT {
    private static final String MODULE_INFO = """
            module app {
                requires dev.gen4j;
            }
            """;

    /**
     * A generator of each kind, in a package the module does not open: static, private instance
     * with Yield.from, a generator lambda; tasks on the scheduler; and one of core's own
     * generators (Net.accept), instrumented when core was built.
     */
    private static final String MAIN = """
            package app;

            import dev.gen4j.Gen;
            import dev.gen4j.Generator;
            import dev.gen4j.Yield;
            import dev.gen4j.sched.Net;
            import dev.gen4j.sched.Scheduler;
            import java.util.List;

            public class Main {
                @Generator
                static Gen<Integer> countdown(int n) {
                    while (n > 0) {
                        Yield.now(n);
                        n--;
                    }
                    return Gen.done("liftoff");
                }

                @Generator
                private Gen<Object> relay(int n) {
                    Object result = Yield.from(countdown(n));
                    Yield.now(result);
                    return Gen.done();
                }

                @Generator
                static Gen<Void> task(String name, int n) {
                    for (int i = 0; i < n; i++) {
                        System.out.println(name + " " + i);
                        Yield.now();
                    }
                    return Gen.done();
                }

                public static void main(String[] args) throws Exception {
                    for (int x : countdown(2)) {
                        System.out.println("countdown " + x);
                    }
                    for (Object x : new Main().relay(2)) {
                        System.out.println("relay " + x);
                    }
                    List<Integer> xs = List.of(1, 2, 3);
                    Gen.<Integer>generate(() -> {
                        for (int x : xs) {
                            Yield.now(x * x);
                        }
                    }).forEachRemaining(x -> System.out.println("square " + x));
                    try (Scheduler scheduler = new Scheduler()) {
                        scheduler.spawn(task("a", 2));
                        scheduler.spawn(task("b", 2));
                        scheduler.run();
                    }
                    System.out.println("Net.accept " + (Net.accept(null).isDone() ? "ran" : "not started"));
                }
            }
            """;

    private static final String OUTPUT = """
            countdown 2
            countdown 1
            relay 2
            relay 1
            relay liftoff
            square 1
            square 4
            square 9
            a 0
            b 0
            a 1
            b 1
            Net.accept not started
            """;

    private static final Path CORE = Path.of(SampleProcess.property("gen4j.core.jar"));
    private static final String AGENT = SampleProcess.AGENT;
    private static final String JAVA = SampleProcess.JAVA;

    @TempDir
    static Path work;
    /** The application module as javac wrote it. */
    static Path compiled;
    /** The same, instrumented ahead of time. */
    static Path instrumented;

    @BeforeAll
    static void compileAndInstrumentTheApplication() throws Exception {
        Path sources = work.resolve("src");
        Files.createDirectories(sources.resolve("app"));
        Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(sources.resolve("app/Main.java"), MAIN);
        compiled = work.resolve("compiled");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "--release", "17", "--module-path", CORE.toString(),
                "-d", compiled.toString(), sources.resolve("module-info.java").toString(),
                sources.resolve("app/Main.java").toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        instrumented = work.resolve("instrumented");
        Finished aot = SampleProcess.run(List.of(JAVA, "-jar", AGENT, "instrument", compiled.toString(),
                "--out=" + instrumented));
        assertEquals(0, aot.exitCode(), aot.stdout() + aot.stderr());
    }

    @Test
    void anApplicationModuleInstrumentedAheadOfTimeRunsOnTheModulePath() throws Exception {
        Finished run = SampleProcess.run(List.of(JAVA, "--module-path", modulePath(instrumented),
                "--module", "app/app.Main"));
        assertEquals(OUTPUT, run.stdout(), run.stderr());
        assertEquals(0, run.exitCode(), run.stderr());
    }

    @Test
    void theAgentInstrumentsAnApplicationModuleAsItLoads() throws Exception {
        Finished run = SampleProcess.run(List.of(JAVA, "-javaagent:" + AGENT, "--module-path", modulePath(compiled),
                "--module", "app/app.Main"));
        assertEquals(OUTPUT, run.stdout(), run.stderr());
        assertEquals(0, run.exitCode(), run.stderr());
    }

    @Test
    void aJlinkImageOfCoreAndTheApplicationRunsItByItsLauncherAndItsJava() throws Exception {
        Path image = work.resolve("image");
        Path jlink = Path.of(JAVA).resolveSibling("jlink");
        Finished link = SampleProcess.run(List.of(jlink.toString(), "--module-path", modulePath(instrumented),
                "--add-modules", "dev.gen4j,app", "--launcher", "app=app/app.Main", "--output", image.toString()));
        assertEquals(0, link.exitCode(), link.stdout() + link.stderr());

        Finished launcher = SampleProcess.run(List.of(image.resolve("bin/app").toString()));
        assertEquals(OUTPUT, launcher.stdout(), launcher.stderr());
        assertEquals(0, launcher.exitCode(), launcher.stderr());

        Finished java = SampleProcess.run(List.of(image.resolve("bin/java").toString(), "--module", "app/app.Main"));
        assertEquals(OUTPUT, java.stdout(), java.stderr());
        Finished modules = SampleProcess.run(List.of(image.resolve("bin/java").toString(), "--list-modules"));
        assertEquals(List.of("app", "dev.gen4j", "java.base"),
                modules.stdout().lines().map(m -> m.replaceFirst("@.*", "")).sorted().toList(), modules.stderr());
    }

    @Test
    void anApplicationModuleRunWithoutInstrumentationIsToldTheFix() throws Exception {
        Finished run = SampleProcess.run(List.of(JAVA, "--module-path", modulePath(compiled), "--module",
                "app/app.Main"));
        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().contains("class app.Main was not instrumented: start the JVM with -javaagent:"),
                run.stderr());
    }

    private static String modulePath(Path application) {
        return CORE + File.pathSeparator + application;
    }
}
