package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.GeneratorExit;
import dev.gen4j.Yield;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each bytecode shape the rewrite must handle, run through the agent. */
class ConstructsTest {
    static List<Object> all(Gen<?> g) {
        List<Object> out = new ArrayList<>();
        g.forEachRemaining(out::add);
        return out;
    }

    @Generator
    static Gen<Object> primitives(boolean z, byte b, char c, short s, int i, long j, float f, double d) {
        Yield.now(z);
        Yield.now(b);
        Yield.now(c);
        Yield.now(s);
        Yield.now(i);
        Yield.now(j);
        Yield.now(f);
        Yield.now(d);
        long j2 = j * 2;
        double d2 = d * 2;
        Yield.now(null);
        return Gen.done("" + z + b + c + s + i + j2 + f + d2);
    }

    @Test
    void everyPrimitiveTypeSurvivesSuspension() {
        Gen<Object> g = primitives(true, (byte) -7, 'x', (short) 300, 1 << 20, Long.MAX_VALUE / 3, 1.5f, Math.PI);
        assertEquals(List.of(true, (byte) -7, 'x', (short) 300, 1 << 20, Long.MAX_VALUE / 3, 1.5f, Math.PI),
                all(g).subList(0, 8));
        assertEquals("true-7x300" + (1 << 20) + (Long.MAX_VALUE / 3 * 2) + "1.5" + (Math.PI * 2), g.result());
    }

    @Generator
    static Gen<Integer> arrays(int[] xs, String[][] grid) {
        int sum = 0;
        for (int x : xs) {
            sum += x;
            Yield.now(sum);
        }
        for (String[] row : grid) {
            for (String cell : row) {
                Yield.now(cell.length());
            }
        }
        return Gen.done(xs.length + grid.length);
    }

    @Test
    void arraysAndForEach() {
        Gen<Integer> g = arrays(new int[] {1, 2, 3}, new String[][] {{"a", "bb"}, {"ccc"}});
        assertEquals(List.of(1, 3, 6, 1, 2, 3), all(g));
        assertEquals(5, (int) g.result());
    }

    @Generator
    static Gen<Object> stackValues(String prefix) {
        String s = prefix + Yield.now("first") + "-" + Yield.now("second");
        long total = 10L + (long) (Integer) Yield.now("third") * 3L;
        double d = 0.5 + (Double) Yield.now("fourth");
        return Gen.done(s + "|" + total + "|" + d);
    }

    @Test
    void valuesWaitingOnTheOperandStack() {
        Gen<Object> g = stackValues(">");
        assertEquals("first", g.next());
        assertEquals("second", g.send("A"));
        assertEquals("third", g.send("B"));
        assertEquals("fourth", g.send(4));
        assertNull(g.send(1.25));
        assertTrue(g.isDone());
        assertEquals(">A-B|22|1.75", g.result());
    }

    record Pair(Object a, Object b) {
    }

    @Generator
    static Gen<Object> constructors() {
        Pair p = new Pair(Yield.now(1), new Pair(Yield.now(2), "x"));
        StringBuilder sb = new StringBuilder(String.valueOf((Object) Yield.now(3)));
        return Gen.done(p + ";" + sb);
    }

    @Test
    void uninitializedObjectsAroundYields() {
        Gen<Object> g = constructors();
        assertEquals(1, g.next());
        assertEquals(2, g.send("a"));
        assertEquals(3, g.send("b"));
        g.send("c");
        assertEquals(new Pair("a", new Pair("b", "x")) + ";c", g.result());
    }

    @Generator
    static Gen<String> switches(int n) {
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0: Yield.now("zero"); break;
                case 1: Yield.now("one"); // fall through
                case 2: Yield.now("two"); break;
                default: Yield.now(i > 5 ? "big" : "small");
            }
            String s = switch (i) {
                case 1 -> "A";
                case 100 -> "B";
                default -> {
                    Object sent = Yield.now("expr" + i);
                    yield sent == null ? "C" : (String) sent;
                }
            };
            if (s.equals("A")) {
                Yield.now(s);
            }
        }
        return Gen.done();
    }

    @Test
    void switchAndTernaries() {
        assertEquals(List.of("zero", "expr0", "one", "two", "A", "two", "expr2", "small", "expr3"),
                all(switches(4)));
    }

    @Generator
    static Gen<String> tryCatchFinally(List<String> log) {
        int local = 42;
        try {
            try {
                Yield.now("in try");
                log.add("after try yield " + local);
            } catch (IllegalArgumentException e) {
                local++;
                Yield.now("in catch " + e.getMessage() + " " + local);
                log.add("after catch yield " + local);
            } finally {
                Yield.now("in finally " + local);
                log.add("after finally yield " + local);
            }
        } finally {
            log.add("outer finally " + local);
        }
        return Gen.done(local);
    }

    @Test
    void yieldsInTryCatchAndFinally() {
        List<String> log = new ArrayList<>();
        Gen<String> g = tryCatchFinally(log);
        assertEquals("in try", g.next());
        assertEquals("in catch boom 43", g.raise(new IllegalArgumentException("boom")));
        assertEquals("in finally 43", g.next());
        assertFalse(g.hasNext());
        assertEquals(List.of("after catch yield 43", "after finally yield 43", "outer finally 43"), log);
        assertEquals(43, (int) g.result());

        log.clear();
        Gen<String> plain = tryCatchFinally(log);
        assertEquals(List.of("in try", "in finally 42"), all(plain));
        assertEquals(List.of("after try yield 42", "after finally yield 42", "outer finally 42"), log);
    }

    @Test
    void anUncaughtRaiseRunsFinallyBlocksThatMayYieldFirst() {
        List<String> log = new ArrayList<>();
        Gen<String> g = tryCatchFinally(log);
        g.next();
        IllegalStateException e = new IllegalStateException("not caught");
        // The inner finally yields while the exception unwinds; it goes on afterwards, as in Python.
        assertEquals("in finally 42", g.raise(e));
        assertSame(e, assertThrows(IllegalStateException.class, g::next));
        assertEquals(List.of("after finally yield 42", "outer finally 42"), log);
        assertTrue(g.isDone());
    }

    @Generator
    static Gen<String> synchronizedInsideTryFinally(Object lock, List<String> log) {
        try {
            synchronized (lock) {
                log.add("locked");
            }
        } finally {
            Yield.now("in finally");
        }
        return Gen.done();
    }

    @Test
    void aYieldInAFinallyAroundASynchronizedBlockIsNotInsideIt() {
        // The finally's catch-any covers the synchronized body, but the lock's own catch-any comes
        // first there and takes every exception: the finally never runs with the lock held.
        List<String> log = new ArrayList<>();
        assertEquals(List.of("in finally"), all(synchronizedInsideTryFinally(new Object(), log)));
        assertEquals(List.of("locked"), log);
    }

    @Generator
    static Gen<Integer> checked(boolean fail) throws IOException {
        Yield.now(1);
        if (fail) {
            throw new IOException("checked");
        }
        return Gen.done();
    }

    @Test
    void checkedExceptionsComeOutUnchanged() throws IOException {
        Gen<Integer> g = checked(true);
        g.next();
        IOException e = assertThrows(IOException.class, g::next);
        assertEquals("checked", e.getMessage());
        assertTrue(g.isDone());
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals(ConstructsTest.class.getName(), top.getClassName());
        assertEquals("checked", top.getMethodName());
        assertTrue(top.getLineNumber() > 0);
    }

    private final String name = "inst";

    @Generator
    <T extends Comparable<T>> Gen<T> instanceAndGeneric(T a, T b, long weight, String... extra) {
        Yield.now(a.compareTo(b) < 0 ? a : b);
        Yield.now(this.name.length() + weight + extra.length);
        return Gen.done(name);
    }

    @Test
    void instanceGenericVarargs() {
        Gen<String> g = instanceAndGeneric("pear", "apple", 10L, "x", "y");
        assertEquals("apple", g.next());
        Object second = ((Gen<?>) g).next();
        assertEquals(16L, second);
        assertFalse(g.hasNext());
        assertEquals("inst", g.result());
    }

    @Generator
    static Gen<Long> manyParameters(int a, long b, double c, String d, int e, long f, double g, Object h,
            int i, long j, float k, short l, byte m, char n, boolean o, int[] p) {
        Yield.now(b + f + j);
        return Gen.done(a + b + (long) c + d.length() + e + f + (long) g + h.hashCode() * 0 + i + j + (long) k + l + m
                + n + (o ? 1 : 0) + p.length);
    }

    @Test
    void manyParametersOfMixedWidths() {
        Gen<Long> g = manyParameters(1, 2L, 3.0, "four", 5, 6L, 7.0, new Object(), 9, 10L, 11f, (short) 12,
                (byte) 13, (char) 14, true, new int[15]);
        assertEquals(18L, g.next());
        assertFalse(g.hasNext());
        assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7 + 9 + 10 + 11 + 12 + 13 + 14 + 1 + 15L, (long) g.result());
    }

    @Generator
    static Gen<Integer> nothingRunsAtCall(List<String> log) {
        log.add("body started");
        Yield.now(1);
        return Gen.done();
    }

    @Test
    void callingRunsNoneOfTheBody() {
        List<String> log = new ArrayList<>();
        Gen<Integer> g = nothingRunsAtCall(log);
        assertTrue(log.isEmpty());
        assertEquals(1, g.next());
        assertEquals(List.of("body started"), log);
    }

    @Generator
    static Gen<String> closing(List<String> log) {
        try {
            while (true) {
                Yield.now("tick");
            }
        } catch (Exception notThis) {
            log.add("caught as Exception?!");
        } finally {
            log.add("finally ran");
        }
        return Gen.done();
    }

    @Test
    void closeRunsFinallyAndIsNotAnException() {
        List<String> log = new ArrayList<>();
        Gen<String> g = closing(log);
        g.next();
        g.next();
        g.close();
        assertEquals(List.of("finally ran"), log);
        assertTrue(g.isDone());
        g.close();
        assertThrows(java.util.NoSuchElementException.class, g::next);
    }

    @Generator
    static Gen<String> stubborn() {
        while (true) {
            try {
                Yield.now("again");
            } catch (GeneratorExit e) {
                // refuses to stop
            }
        }
    }

    @Test
    void ignoringGeneratorExitIsAnError() {
        Gen<String> g = stubborn();
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertTrue(e.getMessage().contains("generator ignored GeneratorExit"), e.getMessage());
    }

    @Generator
    static Gen<Integer> reentrant(Supplier<Gen<Integer>> self) {
        Yield.now(1);
        self.get().next();
        return Gen.done();
    }

    @Test
    void reenteringARunningGeneratorIsRefused() {
        Object[] holder = new Object[1];
        @SuppressWarnings("unchecked")
        Gen<Integer> g = reentrant(() -> (Gen<Integer>) holder[0]);
        holder[0] = g;
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertTrue(e.getMessage().startsWith("generator already executing"), e.getMessage());
    }

    @Generator
    static Gen<Integer> inner(int base) {
        int got = Yield.now(base);
        Yield.now(base + got);
        return Gen.done(base * 100);
    }

    @Generator
    static Gen<Integer> outer() {
        int a = Yield.from(inner(1));
        int b = Yield.<Integer>from(inner(2));
        return Gen.done(a + b);
    }

    @Test
    void yieldFromForwardsValuesSendsAndResults() {
        Gen<Integer> g = outer();
        assertEquals(1, g.next());
        assertEquals(11, g.send(10));
        assertEquals(2, g.next());
        assertEquals(22, g.send(20));
        assertFalse(g.hasNext());
        assertEquals(300, (int) g.result());
    }

    @Generator
    static Gen<Integer> deep(int depth) {
        if (depth == 0) {
            Yield.now(0);
            return Gen.done(1);
        }
        int r = Yield.from(deep(depth - 1));
        return Gen.done(r + 1);
    }

    @Test
    void aMillionNestedYieldFromsUseTheHeapNotTheStack() {
        Gen<Integer> g = deep(1_000_000);
        assertEquals(0, g.next());
        assertFalse(g.hasNext());
        assertEquals(1_000_001, (int) g.result());
    }

    @Test
    void stackTracesPointAtTheSourceLine() {
        int[] line = new int[1];
        Gen<Integer> g = throwsAfterYield(line);
        g.next();
        RuntimeException e = assertThrows(RuntimeException.class, g::next);
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals(ConstructsTest.class.getName(), top.getClassName());
        assertEquals("throwsAfterYield", top.getMethodName());
        assertEquals("ConstructsTest.java", top.getFileName());
        assertEquals(line[0], top.getLineNumber());
    }

    @Generator
    static Gen<Integer> throwsAfterYield(int[] line) {
        Yield.now(1);
        line[0] = new Throwable().getStackTrace()[0].getLineNumber(); throw new RuntimeException("here");
    }

    @Test
    void raiseAndSendEdgeCases() {
        Gen<Integer> notStarted = inner(1);
        assertThrows(IllegalStateException.class, () -> notStarted.send(5));
        RuntimeException r = new RuntimeException("x");
        assertSame(r, assertThrows(RuntimeException.class, () -> notStarted.raise(r)));
        assertTrue(notStarted.isDone());
        assertThrows(IllegalStateException.class, notStarted::result);

        Gen<Integer> g = inner(1);
        assertThrows(IllegalStateException.class, g::result);
        g.close();
        assertTrue(g.isDone());
    }

    @Test
    void streams() {
        assertEquals(List.of(3, 2, 1), countdown(3).stream().toList());
        assertArrayEquals(new Object[] {3, 2}, countdown(3).stream().limit(2).toArray());
    }

    @Generator
    static Gen<Integer> countdown(int n) {
        while (n > 0) {
            Yield.now(n--);
        }
        return Gen.done();
    }
}
