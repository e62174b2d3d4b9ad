package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exception leaving a Yield.from chain shows each delegating generator at its Yield.from line. */
class StackTracesThroughDelegationTest {
    private static final String SOURCE = "StackTracesThroughDelegationTest.java";

    /** lines[0]: the throw; lines[1], lines[2]: the Yield.from of middle and top. */
    @Generator
    static Gen<String> leaf(int[] lines) {
        Yield.now("leaf");
        lines[0] = new Throwable().getStackTrace()[0].getLineNumber(); throw new IllegalArgumentException("deep");
    }

    @Generator
    static Gen<String> middle(int[] lines) {
        lines[1] = new Throwable().getStackTrace()[0].getLineNumber(); Yield.from(leaf(lines));
        return Gen.done();
    }

    @Generator
    static Gen<String> top(int[] lines) {
        lines[2] = new Throwable().getStackTrace()[0].getLineNumber(); Yield.from(middle(lines));
        return Gen.done();
    }

    /** The frames of this class, as "method:line". */
    private static List<String> framesOfThisClass(Throwable t) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(StackTracesThroughDelegationTest.class.getName())) {
                frames.add(e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        return frames;
    }

    private static int indexOf(StackTraceElement[] trace, String method) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getMethodName().equals(method)
                    && trace[i].getClassName().equals(StackTracesThroughDelegationTest.class.getName())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anExceptionThreeLevelsDownShowsEachYieldFromInnermostFirst() {
        int[] lines = new int[3];
        Gen<String> g = top(lines);
        assertEquals("leaf", g.next());
        IllegalArgumentException e = null;
        int drivenAt = 0;
        try {
            drivenAt = new Throwable().getStackTrace()[0].getLineNumber(); g.next();
        } catch (IllegalArgumentException thrown) {
            e = thrown;
        }
        List<String> frames = framesOfThisClass(e);
        assertEquals(List.of("leaf:" + lines[0], "middle:" + lines[1], "top:" + lines[2],
                "anExceptionThreeLevelsDownShowsEachYieldFromInnermostFirst:" + drivenAt), frames.subList(0, 4),
                frames.toString());

        StackTraceElement[] trace = e.getStackTrace();
        int top = indexOf(trace, "top");
        assertEquals(SOURCE, trace[top].getFileName());
        assertEquals(SOURCE, trace[indexOf(trace, "middle")].getFileName());
        // Between the generator that threw and the runtime frames of the driving call.
        assertEquals(Gen.class.getName(), trace[top + 1].getClassName(), Arrays.toString(trace));
    }

    @Test
    void anExceptionRaisedIntoTheChainShowsTheYieldFromsItPassedThrough() {
        int[] lines = new int[3];
        Gen<String> g = top(lines);
        g.next();
        int createdAt = new Throwable().getStackTrace()[0].getLineNumber(); Exception boom = new Exception("raised in");
        assertSame(boom, assertThrows(Exception.class, () -> g.raise(boom)));
        assertEquals(List.of("middle:" + lines[1], "top:" + lines[2],
                "anExceptionRaisedIntoTheChainShowsTheYieldFromsItPassedThrough:" + createdAt),
                framesOfThisClass(boom).subList(0, 3));
    }

    @Generator
    static Gen<String> catchesAndRethrows(int[] lines) {
        try {
            lines[1] = new Throwable().getStackTrace()[0].getLineNumber(); Yield.from(leaf(lines));
        } catch (IllegalArgumentException e) {
            Yield.now("caught");
            throw e;
        }
        return Gen.done();
    }

    @Generator
    static Gen<String> aboveTheCatcher(int[] lines) {
        lines[2] = new Throwable().getStackTrace()[0].getLineNumber(); Yield.from(catchesAndRethrows(lines));
        return Gen.done();
    }

    @Test
    void anExceptionCaughtAndRethrownLaterKeepsTheYieldFromsInOrder() {
        int[] lines = new int[3];
        Gen<String> g = aboveTheCatcher(lines);
        g.next();
        assertEquals("caught", g.next());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, g::next);
        List<String> frames = framesOfThisClass(e);
        assertEquals(List.of("leaf:" + lines[0], "catchesAndRethrows:" + lines[1], "aboveTheCatcher:" + lines[2]),
                frames.subList(0, 3), frames.toString());
    }

    @Generator
    static Gen<Integer> nested(int depth) {
        if (depth == 0) {
            Yield.now(0);
            throw new IllegalStateException("at the bottom");
        }
        Yield.from(nested(depth - 1));
        return Gen.done();
    }

    @Test
    void aVeryDeepChainAddsAtMostAThousandFramesToOneException() {
        Gen<Integer> g = nested(100_000);
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        long delegating = Arrays.stream(e.getStackTrace()).filter(f -> f.getMethodName().equals("nested")).count();
        assertEquals(1 + 1024, delegating);
    }
}
