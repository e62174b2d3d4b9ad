package dev.gen4j.samples.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The futures command prints what futures.py prints, section by section. Where timing decides,
 * only the content and the order are compared: the times taken, and which thread ran which step
 * (Python's process pool hands every result over on one thread, Java's pool threads complete
 * the futures themselves).
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuturesTest {
    /** As make_expected.py runs futures.py: compute_fibs(25), and compute_fibs(5) when tracing. */
    private static final int TRACE = 5;
    private static final Pattern PYTHON_THREAD = Pattern.compile("<\\w*Thread\\(([^,]+),[^)]*\\)>");
    private static final Pattern JAVA_THREAD = Pattern.compile("Thread\\[(?:#\\d+,)?([^,\\]]+)[^\\]]*\\]");
    private static final Pattern TIME = Pattern.compile("\\d+\\.\\d\\ds");

    private Map<String, String> python;
    private Map<String, String> java;

    /** The command that runs futures.py's program. */
    Object command() {
        return new Futures();
    }

    @BeforeAll
    void runBoth() {
        CommandRun run = CommandRun.run(command(), "--delay-ms", "10", "--fibs", "25", "--trace", String.valueOf(TRACE));
        assertEquals(0, run.exitCode(), run.err());
        java = sections(run.out());
        python = sections(Expected.output("futures.txt"));
    }

    @Test
    void theSectionsComeInTheSeedsOrder() {
        assertEquals(List.copyOf(python.keySet()), List.copyOf(java.keySet()));
    }

    @Test
    void inlinedFuturesGetTheirResultsLikeThePythonOnes() {
        for (String title : List.of("Inlined future", "Multiple yields", "after(): iterating gen by hand",
                "after(): sending into gen by hand", "after(): yield from gen", "after(): yield from a future",
                "Tasks as futures")) {
            // The result that after() loses is None in Python, null in Java.
            assertEquals(python.get(title).replace("None", "null"), java.get(title), title);
        }
    }

    @Test
    void theFailureOfThePooledCallIsCaughtInTheGenerator() {
        // Python: TypeError for 2 + 'Hello'; Java refuses that at compile time, and fails on an overflow.
        assertTrue(python.get("Error").matches("Failed: TypeError\\(.*\\)\n"), python.get("Error"));
        assertEquals("Failed: java.lang.ArithmeticException: integer overflow\n", java.get("Error"));
    }

    @Test
    void computeFibsGivesTheSameNumbersThenTimesBothWays() {
        String title = "compute_fibs() over a process pool";
        assertEquals(timesMasked(python.get(title)), timesMasked(java.get(title)));
        assertTrue(timesMasked(java.get(title)).endsWith("Sequential: <time>\nParallel: <time>\n"), java.get(title));
    }

    @Test
    void callbacksStartOnTheCallersThreadThenGoOnOnThePools() {
        List<String> pythonThreads = threads(PYTHON_THREAD, python.get("Execution model"));
        List<String> javaThreads = threads(JAVA_THREAD, java.get("Execution model"));
        assertEquals(2 * TRACE, pythonThreads.size());
        assertEquals(2 * TRACE, javaThreads.size(), java.get("Execution model"));
        // Each task's first step runs in start_inline_future(), on the main thread.
        assertEquals("MainThread", pythonThreads.get(0));
        assertEquals("main", javaThreads.get(0));
        assertTrue(pythonThreads.stream().anyMatch(t -> !t.equals("MainThread")), pythonThreads::toString);
    }

    @Test
    void inlinedThreadsRunEachGeneratorOnAPoolThread() {
        String title = "Inlined thread execution";
        List<String> pythonThreads = threads(PYTHON_THREAD, python.get(title));
        List<String> javaThreads = threads(JAVA_THREAD, java.get(title));
        assertEquals(2 * TRACE, pythonThreads.size());
        assertEquals(2 * TRACE, javaThreads.size(), java.get(title));
        assertTrue(pythonThreads.stream().noneMatch("MainThread"::equals), pythonThreads::toString);
        assertTrue(javaThreads.stream().noneMatch("main"::equals), javaThreads::toString);
        assertEquals(lastLine(python.get(title)), lastLine(java.get(title)));
    }

    /** The text under each "== title" heading, by title, in order. */
    private static Map<String, String> sections(String output) {
        Map<String, String> sections = new LinkedHashMap<>();
        String title = null;
        StringBuilder text = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (title != null) {
                    sections.put(title, text.toString());
                }
                title = line.substring(3);
                text.setLength(0);
            } else if (!line.isEmpty()) {
                text.append(line).append('\n');
            }
        }
        sections.put(title, text.toString());
        return sections;
    }

    /** The names of the threads printed, in order; Python's two threads can print into one line. */
    private static List<String> threads(Pattern thread, String text) {
        List<String> names = new ArrayList<>();
        Matcher m = thread.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String timesMasked(String text) {
        return TIME.matcher(text).replaceAll("<time>");
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
