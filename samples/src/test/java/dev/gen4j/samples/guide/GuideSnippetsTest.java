package dev.gen4j.samples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Async;
import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.sched.Scheduler;
import dev.gen4j.sched.Sys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The snippets of docs/GUIDE.md that no sample holds, run as written there. */
@Timeout(60)
class GuideSnippetsTest {
    // ---- 1. Generator lambdas ---------------------------------------------------------------

    @Test
    void generatorLambdasPipeLikeGeneratorExpressions() {
        int limit = 5;
        Gen<Integer> squares = Gen.generate(() -> {
            for (int x = 0; x < limit; x++) Yield.now(x * x);
        });
        Gen<Integer> evens = Gen.generate(() -> {
            for (int x : squares) if (x % 2 == 0) Yield.now(x);
        });
        assertEquals(List.of(0, 4, 16), evens.stream().toList());
    }

    // ---- 8. The generator protocol --------------------------------------------------------

    @Generator
    static <T> Gen<T> chain(Iterable<T> x, Iterable<T> y) {
        Yield.from(Gen.of(x));
        Yield.from(Gen.of(y));
        return Gen.done();
    }

    @Generator
    static Gen<Void> total() {
        int n = 0;
        while (true) {
            Integer v = Yield.now();
            if (v == null) return Gen.done(n);
            n += v;
        }
    }

    @Test
    void chainYieldsFromBothInTurn() {
        List<Integer> all = new ArrayList<>();
        for (int x : chain(List.of(1, 2, 3), chain(List.of(4, 5, 6), List.of(7, 8, 9)))) {
            all.add(x);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), all);
    }

    @Test
    void totalReturnsItsSumAsTheResult() {
        Gen<Void> t = total();
        t.next();                 // prime it
        t.send(2);
        t.send(3);
        t.send(null);             // the body returns: send returns null, isDone() is true
        assertTrue(t.isDone());
        int sum = t.result();
        assertEquals(5, sum);
    }

    // ---- Where Java differs: static typing ------------------------------------------------

    @Generator
    static Gen<Void> lines(List<String> got) {
        while (true) {
            String line = Yield.now();
            got.add(line);
        }
    }

    @Test
    void aValueOfAnotherTypeFailsAtTheAssignment() {
        Gen<Void> g = lines(new ArrayList<>());
        g.next();
        assertThrows(ClassCastException.class, () -> g.send(42));
    }

    // ---- Where Java differs: checked exceptions --------------------------------------------

    @Generator
    static Gen<String> unreadable() throws IOException {
        Yield.now("first");
        throw new IOException("cannot read on");
    }

    @Test
    void aCheckedExceptionComesOutWhereTheGeneratorIsDriven() {
        List<String> got = new ArrayList<>();
        IOException caught = null;
        try {
            for (String line : unreadable()) {
                got.add(line);
            }
        } catch (IOException e) {
            caught = e;
        }
        assertEquals(List.of("first"), got);
        assertEquals("cannot read on", caught.getMessage());
    }

    // ---- 7. pyos: steps 1 to 6 with gen4j's own Sys.spawn ---------------------------------

    @Generator
    static Gen<Void> foo(PrintWriter out) {
        long mytid = Yield.now(Sys.tid());
        for (int i = 0; i < 5; i++) {
            out.println("I'm foo " + mytid);
            Yield.now();
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> main(PrintWriter out) {
        long child = Yield.now(Sys.spawn(foo(out)));
        out.println("Waiting for child");
        Yield.now(Sys.join(child));
        out.println("Child done");
        return Gen.done();
    }

    @Test
    void theSpawningTaskGoesOnBeforeItsChildStarts() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        try (Scheduler s = new Scheduler()) {
            s.spawn(main(out));
            s.run();
        }
        // pyos would run foo first: "I'm foo 2" would come before "Waiting for child".
        assertEquals("Waiting for child\n" + "I'm foo 2\n".repeat(5) + "Child done\n", text.toString());
    }

    // ---- 13. Async functions ----------------------------------------------------------------

    static CompletableFuture<Integer> fetch(int x) {
        return CompletableFuture.supplyAsync(() -> x, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    }

    @Generator
    static Gen<Object> add(int x, int y) {
        int a = Yield.now(fetch(x));              // await: resumes when the future completes
        int b = Yield.now(fetch(y));
        return Gen.done(a + b);
    }

    /** The guide's main(out); this class has a main already. */
    @Generator
    static Gen<Object> asyncMain(PrintWriter out) {
        int total = Yield.from(add(2, 3));        // await another async function: Yield.from
        out.println("Got: " + total);
        return Gen.done();
    }

    @Test
    void anAsyncFunctionAwaitsAnotherAndPrintsTheSum() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Async.run(asyncMain(out)).join();         // asyncio.run(main())
        assertEquals("Got: 5\n", text.toString());
    }
}
