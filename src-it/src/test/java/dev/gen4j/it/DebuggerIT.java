package dev.gen4j.it;

import static dev.gen4j.it.DemoProgram.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Field;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.request.StepRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A debugger (JDI, as IDEs and jdb use it) on demo.Countdown run with the agent sees the source
 * of its generator method and generator lambda (API.md §1, Debugging).
 */
class DebuggerIT {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "countdown:first, main:first-next, n",
        "lambda:first,    main:lambda-first-next, limit",
    })
    void aBreakpointOnTheFirstLineIsHitWhenTheBodyRunsNotWhenTheGeneratorIsCreated(String first, String caller,
            String argument) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Debuggee debuggee = Debuggee.launch(line(first))) {
            for (LocatableEvent hit = debuggee.next(); hit != null; hit = debuggee.next()) {
                hits.add(Debuggee.describe(hit.location()) + " from main:" + Debuggee.lineOf(hit.thread(), "main")
                        + " " + argument + "=" + Debuggee.locals(hit).get(argument));
            }
        }
        assertEquals(1, hits.size(), hits.toString());
        assertTrue(hits.get(0).endsWith(":" + line(first) + " from main:" + line(caller) + " " + argument + "=2"),
                hits.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "countdown | n total     | n=2 total=2, n=2 total=2, n=1 total=3, n=1 total=3",
        "lambda    | limit sum i | limit=2 sum=20 i=0, limit=2 sum=20 i=0, limit=2 sum=21 i=1, limit=2 sum=21 i=1",
    })
    void everyLocalHasItsValueAtTheYieldAndRightAfterEachResume(String body, String names, String expected)
            throws Exception {
        int yield = line(body + ":yield");
        int resumed = line(body + ":resumed");
        List<String> seen = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (Debuggee debuggee = Debuggee.launch(yield, resumed)) {
            for (LocatableEvent hit = debuggee.next(); hit != null; hit = debuggee.next()) {
                lines.add(hit.location().lineNumber());
                seen.add(render(Debuggee.locals(hit), names));
            }
        }
        assertEquals(List.of(yield, resumed, yield, resumed), lines);
        assertEquals(List.of(expected.split(", ")), seen);
    }

    /**
     * A step into the call that resumes a generator stops, as in any method, at the body's first
     * instruction: the dispatch on the generator's state, which has no line of its own (so JDI
     * shows the first line) and where no local is set yet. The next step goes to the resumed
     * Yield call, every local in place; the one after to the next line of the body.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "countdown | main:second-next        | n total     | n=2 total=2",
        "lambda    | main:lambda-second-next | limit sum i | limit=2 sum=20 i=0",
    })
    void stepsIntoAResumedGeneratorGoToTheResumedYieldThenToTheNextLineOfTheBody(String body, String caller,
            String names, String expected) throws Exception {
        List<String> stops = new ArrayList<>();
        try (Debuggee debuggee = Debuggee.launch(line(caller))) {
            LocatableEvent at = debuggee.next();
            assertNotNull(at, "the breakpoint before the resume was not hit");
            debuggee.step(at.thread(), StepRequest.STEP_INTO);
            at = debuggee.next();
            assertEquals("dev.gen4j.Gen", at.location().method().argumentTypeNames().get(0),
                    "a step into next() did not enter the body: " + Debuggee.describe(at.location()));
            Debuggee.locals(at);
            for (int step = 0; step < 2; step++) {
                debuggee.step(at.thread(), StepRequest.STEP_OVER);
                at = debuggee.next();
                stops.add(at.location().lineNumber() + " " + render(Debuggee.locals(at), names));
            }
        }
        assertEquals(List.of(line(body + ":yield") + " " + expected, line(body + ":resumed") + " " + expected),
                stops);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "g      | main:second-next        | n=2 total=2",
        "lambda | main:lambda-second-next | i=0 limit=2 sum=20",
    })
    void aSuspendedGeneratorHoldsItsSavedLocalsInFieldsNamedAfterThem(String variable, String caller,
            String expected) throws Exception {
        Map<String, String> fields = new TreeMap<>();
        try (Debuggee debuggee = Debuggee.launch(line(caller))) {
            LocatableEvent hit = debuggee.next();
            assertNotNull(hit, "the breakpoint in main was not hit");
            StackFrame main = hit.thread().frame(0);
            LocalVariable local = main.visibleVariableByName(variable);
            ObjectReference generator = (ObjectReference) main.getValue(local);
            for (Field f : generator.referenceType().fields()) {
                if (!f.name().equals("state") && !f.name().equals("self")) {
                    fields.put(f.name(), String.valueOf(generator.getValue(f)));
                }
            }
        }
        assertEquals(expected, render(fields, String.join(" ", fields.keySet())));
    }

    /** The named values, in the order named: "n=2 total=2". */
    private static String render(Map<String, String> values, String names) {
        StringBuilder s = new StringBuilder();
        for (String name : names.trim().split("\\s+")) {
            s.append(s.length() == 0 ? "" : " ").append(name).append('=').append(values.get(name));
        }
        return s.toString();
    }
}
