package dev.gen4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Context: a one-yield generator used as a try-with-resources resource (Python's @contextmanager). */
class ContextTest {
    private final List<String> log = new ArrayList<>();

    /** Sets up, hands out a value, cleans up in a finally block. */
    @Generator
    Gen<String> resource(String name) {
        log.add("enter " + name);
        try {
            Yield.now(name.toUpperCase());
            log.add("after yield");
        } finally {
            log.add("exit " + name);
        }
        return Gen.done();
    }

    /** Commits after a normal block, rolls back and rethrows after a failed one. */
    @Generator
    Gen<Void> transaction() {
        log.add("begin");
        try {
            Yield.now();
        } catch (Throwable t) {
            log.add("rollback after " + t.getMessage());
            throw t;
        }
        log.add("commit");
        return Gen.done();
    }

    /** Catches the block's exception and finishes: Python would suppress it. */
    @Generator
    Gen<Void> swallowing() {
        try {
            Yield.now();
        } catch (IllegalArgumentException e) {
            log.add("swallowed " + e.getMessage());
        }
        return Gen.done();
    }

    /** Turns the block's exception into another one. */
    @Generator
    Gen<Void> translating(boolean wrap) throws IOException {
        try {
            Yield.now();
        } catch (RuntimeException e) {
            throw wrap ? new IOException("wrapped", e) : new IOException("replaced");
        }
        return Gen.done();
    }

    @Generator
    Gen<Integer> yieldsTwice() {
        try {
            Yield.now(1);
            Yield.now(2);
        } finally {
            log.add("closed");
        }
        return Gen.done();
    }

    @Generator
    Gen<Integer> yieldsAgainAfterRaise() {
        try {
            Yield.now(1);
        } catch (RuntimeException e) {
            Yield.now(2);
        } finally {
            log.add("closed");
        }
        return Gen.done();
    }

    @Generator
    Gen<Void> neverYields() {
        log.add("ran");
        return Gen.done();
    }

    @Generator
    Gen<Void> failsOnEntry() throws IOException {
        throw new IOException("cannot set up");
    }

    @Generator
    Gen<Void> failsOnExit() {
        Yield.now();
        throw new IllegalStateException("cannot clean up");
    }

    @Test
    void entersAtTheYieldAndExitsWhenTheBlockEnds() {
        try (Context<String> ctx = Context.of(resource("db"))) {
            assertEquals(List.of("enter db"), log);
            assertEquals("DB", ctx.value());
            log.add("block");
        }
        assertEquals(List.of("enter db", "block", "after yield", "exit db"), log);
    }

    @Test
    void aBareYieldHandsOutNull() {
        try (Context<Void> ctx = Context.of(transaction())) {
            assertNull(ctx.value());
        }
        assertEquals(List.of("begin", "commit"), log);
    }

    @Test
    void raiseThrowsTheBlocksExceptionAtTheYield() {
        IllegalStateException failure = new IllegalStateException("disk full");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (Context<Void> tx = Context.of(transaction())) {
                try {
                    throw failure;
                } catch (Throwable t) {
                    tx.raise(t);
                    throw t;
                }
            }
        });
        assertSame(failure, thrown);
        assertEquals(List.of("begin", "rollback after disk full"), log);
        assertEquals(0, thrown.getSuppressed().length);
    }

    @Test
    void raiseKeepsCheckedExceptionsPrecise() throws IOException {
        IOException failure = new IOException("no route");
        IOException thrown = assertThrows(IOException.class, () -> blockThrowingChecked(failure));
        assertSame(failure, thrown);
        assertEquals(List.of("begin", "rollback after no route"), log);
    }

    /** Compiles with only IOException declared: the catch-raise-rethrow idiom is a precise rethrow. */
    private void blockThrowingChecked(IOException failure) throws IOException {
        try (Context<Void> tx = Context.of(transaction())) {
            try {
                throw failure;
            } catch (Throwable t) {
                tx.raise(t);
                throw t;
            }
        }
    }

    @Test
    void anExceptionTheGeneratorSwallowsStillPropagates() {
        Context<Void> ctx = Context.of(swallowing());
        IllegalArgumentException failure = new IllegalArgumentException("bad input");
        ctx.raise(failure);
        assertEquals(List.of("swallowed bad input"), log);
        ctx.close();
        assertEquals(List.of("swallowed bad input"), log, "close after raise does nothing");
    }

    @Test
    void anotherExceptionFromTheGeneratorReplacesTheBlocksOne() throws IOException {
        RuntimeException failure = new RuntimeException("block failed");
        Context<Void> replacing = Context.of(translating(false));
        IOException replaced = assertThrows(IOException.class, () -> replacing.raise(failure));
        assertEquals("replaced", replaced.getMessage());
        assertSame(failure, replaced.getSuppressed()[0]);

        Context<Void> wrapping = Context.of(translating(true));
        IOException wrapped = assertThrows(IOException.class, () -> wrapping.raise(failure));
        assertSame(failure, wrapped.getCause());
        assertEquals(0, wrapped.getSuppressed().length, "the cause is not also suppressed");
    }

    @Test
    void withoutRaiseCloseCannotTellThatTheBlockThrew() {
        assertThrows(IllegalStateException.class, () -> {
            try (Context<Void> tx = Context.of(transaction())) {
                throw new IllegalStateException("unseen");
            }
        });
        assertEquals(List.of("begin", "commit"), log);
    }

    @Test
    void aSecondYieldOnExitIsAnErrorAndClosesTheGenerator() {
        Context<Integer> ctx = Context.of(yieldsTwice());
        assertEquals(1, ctx.value());
        IllegalStateException e = assertThrows(IllegalStateException.class, ctx::close);
        assertTrue(e.getMessage().startsWith("generator didn't stop: "), e.getMessage());
        assertTrue(e.getMessage().contains("yielded a second time"), e.getMessage());
        assertEquals(List.of("closed"), log);
    }

    @Test
    void aSecondYieldAfterRaiseIsAnErrorAndClosesTheGenerator() {
        Context<Integer> ctx = Context.of(yieldsAgainAfterRaise());
        RuntimeException failure = new RuntimeException("block failed");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.raise(failure));
        assertTrue(e.getMessage().startsWith("generator didn't stop after raise: "), e.getMessage());
        assertSame(failure, e.getCause());
        assertEquals(List.of("closed"), log);
    }

    @Test
    void aGeneratorThatNeverYieldsCannotBeEntered() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Context.of(neverYields()));
        assertTrue(e.getMessage().startsWith("generator didn't yield: "), e.getMessage());
        assertEquals(List.of("ran"), log);
    }

    @Test
    void setUpAndCleanUpFailuresComeOutUnchanged() {
        IOException setUp = assertThrows(IOException.class, () -> Context.of(failsOnEntry()));
        assertEquals("cannot set up", setUp.getMessage());

        IllegalStateException cleanUp = assertThrows(IllegalStateException.class, () -> {
            try (Context<Void> ctx = Context.of(failsOnExit())) {
                log.add("block");
            }
        });
        assertEquals("cannot clean up", cleanUp.getMessage());
    }

    @Test
    void aCleanUpFailureIsSuppressedByTheBlocksException() {
        RuntimeException block = assertThrows(RuntimeException.class, () -> {
            try (Context<Void> ctx = Context.of(failsOnExit())) {
                throw new RuntimeException("block failed");
            }
        });
        assertEquals("block failed", block.getMessage());
        assertInstanceOf(IllegalStateException.class, block.getSuppressed()[0]);
    }

    @Test
    void exitsOnce() {
        Context<String> ctx = Context.of(resource("once"));
        ctx.close();
        ctx.close();
        assertEquals(List.of("enter once", "after yield", "exit once"), log);
        RuntimeException late = new RuntimeException("late");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.raise(late));
        assertTrue(e.getMessage().contains("has already exited"), e.getMessage());
    }
}
