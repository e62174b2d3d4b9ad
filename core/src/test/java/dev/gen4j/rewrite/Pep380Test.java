package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Yield;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The corners of PEP 380 ({@code yield from}), each the translation of a Python program of
 * src/test/python/pep380/, printing what it prints: compared with that program's output as
 * committed under src/test/resources/expected/pep380/ by src/test/python/make_expected.py.
 */
class Pep380Test {
    private final StringBuilder out = new StringBuilder();

    /** Python's print(*words). */
    private void print(Object... words) {
        for (int i = 0; i < words.length; i++) {
            out.append(i == 0 ? "" : " ").append(words[i] == null ? "None" : words[i]);
        }
        out.append('\n');
    }

    private void assertPrintsWhatPythonPrints(String program) {
        String name = "/expected/pep380/" + program + ".txt";
        try (InputStream in = Objects.requireNonNull(Pep380Test.class.getResourceAsStream(name), name)) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Python's next(g, default). */
    private static Object next(Gen<?> g, Object atEnd) {
        return g.hasNext() ? g.next() : atEnd;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    // ---- close_returns.py ---------------------------------------------------------------

    @Generator
    Gen<String> closeReturnsInner() {
        try {
            Yield.now("inner 1");
        } catch (GeneratorExit e) {
            print("inner caught GeneratorExit, returns 42");
            return Gen.done(42);
        }
        return Gen.done();
    }

    @Generator
    Gen<String> closeReturnsOuter() {
        try {
            Object r = Yield.from(closeReturnsInner());
            print("outer got", r);
            Yield.now("outer after");
        } catch (GeneratorExit e) {
            print("outer caught GeneratorExit at its yield from");
            throw e;
        } finally {
            print("outer finally");
        }
        return Gen.done();
    }

    @Test
    void closeDuringYieldFromRaisesGeneratorExitInTheDelegatorEvenIfTheDelegateReturnsAValue() {
        Gen<String> g = closeReturnsOuter();
        print(g.next());
        g.close();
        print("closed; outer finished:", yesNo(g.isDone()));
        assertPrintsWhatPythonPrints("close_returns");
    }

    // ---- close_yields_again.py ----------------------------------------------------------

    @Generator
    Gen<String> yieldsAgainInner() {
        try {
            Yield.now("inner 1");
        } finally {
            print("inner finally, yields again");
            Yield.now("inner 2");
            print("inner resumed after being closed");
        }
        return Gen.done();
    }

    @Generator
    Gen<String> yieldsAgainOuter(Gen<String> i) {
        try {
            Yield.from(i);
            print("outer after yield from");
        } finally {
            print("outer finally");
        }
        return Gen.done();
    }

    @Test
    void aDelegateThatYieldsWhenClosedMakesTheDelegatorFailAtItsYieldFromAndCloseThrow() {
        Gen<String> i = yieldsAgainInner();
        Gen<String> g = yieldsAgainOuter(i);
        print(g.next());
        try {
            g.close();
        } catch (IllegalStateException e) {
            print("close() raised", "RuntimeError:", ignoredExitInPythonWords(e));
        }
        print("outer finished:", yesNo(g.isDone()));
        print("inner finished:", yesNo(i.isDone()));
        try {
            i.next();
        } catch (GeneratorExit e) {
            print("inner ended: its finally raised the GeneratorExit again");
        }
        assertPrintsWhatPythonPrints("close_yields_again");
    }

    /** Python says "generator ignored GeneratorExit"; gen4j says it after the generator's name. */
    private static String ignoredExitInPythonWords(IllegalStateException e) {
        String python = "generator ignored GeneratorExit";
        return e.getMessage().endsWith(python) ? python : e.getMessage();
    }

    // ---- close_three_levels.py ----------------------------------------------------------

    @Generator
    Gen<String> threeLevelsInner() {
        try {
            Yield.now("inner 1");
        } catch (GeneratorExit e) {
            print("inner returns when closed");
            return Gen.done("inner result");
        }
        return Gen.done();
    }

    @Generator
    Gen<String> threeLevelsMiddle() {
        try {
            Yield.from(threeLevelsInner());
        } finally {
            print("middle finally yields");
            Yield.now("middle in finally");
        }
        return Gen.done();
    }

    @Generator
    Gen<String> threeLevelsOuter() {
        try {
            Yield.from(threeLevelsMiddle());
        } catch (IllegalStateException e) {
            print("outer caught at its yield from:", ignoredExitInPythonWords(e));
        }
        print("outer ends");
        return Gen.done();
    }

    @Test
    void closingAChainClosesEachLevelInTurnFromTheInnermost() {
        Gen<String> g = threeLevelsOuter();
        print(g.next());
        g.close();
        print("closed; outer finished:", yesNo(g.isDone()));
        assertPrintsWhatPythonPrints("close_three_levels");
    }

    // ---- direct_close.py ----------------------------------------------------------------

    @Generator
    Gen<String> directCloseInner() {
        try {
            Yield.now("inner 1");
            Yield.now("inner 2");
        } finally {
            print("inner finally");
        }
        return Gen.done();
    }

    @Generator
    Gen<String> directCloseOuter(Gen<String> i) {
        Object r = Yield.from(i);
        print("outer: yield from returned", r);
        Yield.now("outer after");
        return Gen.done();
    }

    @Test
    void aDelegateClosedDirectlyRunsItsFinallyOnceAndTheDelegatorsYieldFromReturnsNull() {
        Gen<String> i = directCloseInner();
        Gen<String> g = directCloseOuter(i);
        print(g.next());
        i.close();
        print(g.next());
        print(next(g, "outer ended"));
        print(next(g, "outer ended"));
        assertPrintsWhatPythonPrints("direct_close");
    }

    // ---- direct_drive.py ----------------------------------------------------------------

    @Generator
    Gen<String> directDriveInner() {
        Object x = Yield.now("inner 1");
        while (true) {
            try {
                x = Yield.now("inner got " + x);
            } catch (IllegalArgumentException e) {
                print("inner caught", e.getMessage());
                return Gen.done("inner result");
            }
        }
    }

    @Generator
    Gen<String> directDriveOuter(Gen<String> i) {
        Object r = Yield.from(i);
        print("outer: yield from returned", r);
        Yield.now("outer after");
        return Gen.done();
    }

    @Test
    void aDelegateDrivenDirectlyIsWhereItsDelegatorCarriesOnFrom() {
        Gen<String> i = directDriveInner();
        Gen<String> g = directDriveOuter(i);
        print(g.next());
        print(i.send("direct"));
        print(g.send("through outer"));
        i.raise(new IllegalArgumentException("direct stop"));
        if (i.isDone()) {
            print("inner returned", i.result(), "when driven directly");
        }
        print(g.next());
        print(next(g, "outer ended"));
        assertPrintsWhatPythonPrints("direct_drive");
    }

    // ---- shared.py ----------------------------------------------------------------------

    @Generator
    Gen<Integer> counter() {
        try {
            for (int n = 0; n < 4; n++) {
                Yield.now(n);
            }
            return Gen.done("counter done");
        } finally {
            print("counter finally");
        }
    }

    @Generator
    Gen<Object> delegator(String name, Gen<Integer> c) {
        Object r = Yield.from(c);
        print(name, "yield from returned", r);
        Yield.now(name + " after");
        return Gen.done();
    }

    @Test
    void twoGeneratorsTakingTurnsMayShareADelegate() {
        Gen<Integer> c = counter();
        Gen<Object> a = delegator("a", c);
        Gen<Object> b = delegator("b", c);
        print("a", a.next());
        print("b", b.next());
        print("a", a.next());
        print("b", b.next());
        print("a", a.next());
        print("b", b.next());
        assertPrintsWhatPythonPrints("shared");
    }

    // ---- finished.py --------------------------------------------------------------------

    @Generator
    Gen<Integer> one() {
        Yield.now(1);
        return Gen.done("one result");
    }

    @Generator
    Gen<String> delegatorOf(Gen<Integer> g) {
        print("delegating");
        Object r = Yield.from(g);
        print("yield from returned", r);
        Yield.now("after");
        return Gen.done();
    }

    @Test
    void yieldFromAFinishedGeneratorReturnsNullAtOnce() {
        Gen<Integer> g = one();
        List<Integer> all = new ArrayList<>();
        g.forEachRemaining(all::add);
        print(all);
        Gen<String> d = delegatorOf(g);
        print(d.next());
        assertPrintsWhatPythonPrints("finished");
    }

    // ---- traceback_chain.py -------------------------------------------------------------

    @Generator
    static Gen<String> leaf() {
        Yield.now("leaf");
        throw new IllegalArgumentException("three levels down");
    }

    @Generator
    static Gen<String> middle() {
        Yield.from(leaf());
        return Gen.done();
    }

    @Generator
    static Gen<String> top() {
        Yield.from(middle());
        return Gen.done();
    }

    static void drive() {
        Gen<String> g = top();
        g.next();
        g.next();
    }

    @Test
    void theStackTraceShowsEveryDelegatingGeneratorAsPythonsTracebackDoes() {
        try {
            drive();
        } catch (IllegalArgumentException e) {
            print("ValueError:", e.getMessage());
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().equals(Pep380Test.class.getName())) {
                    print(frame.getMethodName());
                    if (frame.getMethodName().equals("drive")) {
                        break;
                    }
                }
            }
        }
        assertPrintsWhatPythonPrints("traceback_chain");
    }
}
