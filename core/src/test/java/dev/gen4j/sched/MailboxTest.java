package dev.gen4j.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messages between tasks: rendezvous and bounded boxes, their order, close and kills. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailboxTest {
    private final List<Object> log = new ArrayList<>();

    private void runAll(Gen<?>... tasks) {
        try (Scheduler s = new Scheduler()) {
            for (Gen<?> task : tasks) {
                s.spawn(task);
            }
            s.run();
        }
    }

    @Generator
    static Gen<Void> puts(String name, Mailbox<Object> box, List<?> messages, List<Object> log) {
        try {
            for (Object m : messages) {
                Yield.now(box.put(m));
                log.add(name + " put " + m);
            }
        } catch (IllegalStateException e) {
            log.add(name + " " + e.getClass().getSimpleName());
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> takes(String name, Mailbox<Object> box, int count, List<Object> log) {
        try {
            for (int i = 0; i < count; i++) {
                Object m = Yield.now(box.take());
                log.add(name + " took " + m);
            }
        } catch (NoSuchElementException e) {
            log.add(name + " " + e.getClass().getSimpleName());
        }
        return Gen.done();
    }

    @Generator
    static Gen<Void> turnsThen(int turns, Gen<?> then) {
        for (int i = 0; i < turns; i++) {
            Yield.now();
        }
        Yield.from(then);
        return Gen.done();
    }

    @Test
    void aRendezvousPutWaitsUntilATakerTakesTheMessage() {
        Mailbox<Object> box = new Mailbox<>(0);
        runAll(puts("p", box, List.of("a"), log),
                turnsThen(3, logs("taker arrives", log)),
                turnsThen(3, takes("t", box, 1, log)));
        assertEquals(List.of("taker arrives", "t took a", "p put a"), log);
    }

    @Generator
    static Gen<Void> logs(String line, List<Object> log) {
        log.add(line);
        return Gen.done();
    }

    @Test
    void aBoundedBoxTakesPutsUntilFullAndMessagesComeOutInOrder() {
        Mailbox<Object> box = new Mailbox<>(2);
        runAll(puts("p", box, List.of(1, 2, 3, 4), log),
                turnsThen(3, takes("t", box, 4, log)));
        // Taking from a full box lets the waiting putter in first: it is resumed before the taker.
        assertEquals(List.of("p put 1", "p put 2", "p put 3", "t took 1", "p put 4", "t took 2", "t took 3", "t took 4"), log);
    }

    @Test
    void waitingTakersAreServedInTheOrderTheyCame() {
        Mailbox<Object> box = new Mailbox<>(0);
        runAll(takes("t1", box, 1, log), takes("t2", box, 1, log), takes("t3", box, 1, log),
                turnsThen(1, puts("p", box, List.of("a", "b", "c"), new ArrayList<>())));
        assertEquals(List.of("t1 took a", "t2 took b", "t3 took c"), log);
    }

    @Test
    void waitingPuttersAreServedInTheOrderTheyCame() {
        Mailbox<Object> box = new Mailbox<>(1);
        runAll(puts("p1", box, List.of("a", "b"), new ArrayList<>()),
                puts("p2", box, List.of("c"), new ArrayList<>()),
                puts("p3", box, List.of("d"), new ArrayList<>()),
                turnsThen(2, takes("t", box, 4, log)));
        // p2 and p3 waited before p1 came back with its second message.
        assertEquals(List.of("t took a", "t took c", "t took d", "t took b"), log);
    }

    @Generator
    static Gen<Void> closes(Mailbox<?> box, List<Object> log) {
        box.close();
        log.add("closed");
        return Gen.done();
    }

    @Test
    void afterCloseTakersGetWhatIsLeftThenNoSuchElementException() {
        Mailbox<Object> box = new Mailbox<>(4);
        runAll(puts("p", box, List.of(1, 2), log),
                turnsThen(1, closes(box, log)),
                turnsThen(2, takes("t", box, 5, log)));
        assertEquals(List.of("p put 1", "closed", "p put 2", "t took 1", "t took 2", "t NoSuchElementException"), log);
    }

    @Test
    void closeThrowsIntoWaitingTakersAndPutters() {
        Mailbox<Object> takersBox = new Mailbox<>(0);
        Mailbox<Object> puttersBox = new Mailbox<>(0);
        runAll(takes("t1", takersBox, 1, log), takes("t2", takersBox, 1, log),
                puts("p1", puttersBox, List.of("x"), log),
                turnsThen(1, closes(takersBox, log)), turnsThen(1, closes(puttersBox, log)));
        assertEquals(List.of("closed", "closed", "t1 NoSuchElementException", "t2 NoSuchElementException",
                "p1 IllegalStateException"), log);
    }

    @Test
    void aPutIntoAClosedBoxThrowsIllegalStateException() {
        Mailbox<Object> box = new Mailbox<>(8);
        box.close();
        runAll(puts("p", box, List.of("late"), log));
        assertEquals(List.of("p IllegalStateException"), log);
        assertTrue(box.isClosed());
    }

    @Generator
    static Gen<Void> kills(long id) {
        Yield.now(Sys.kill(id));
        return Gen.done();
    }

    @Test
    void aKilledTakerLeavesTheQueueOfTakers() {
        Mailbox<Object> box = new Mailbox<>(0);
        try (Scheduler s = new Scheduler()) {
            long first = s.spawn(takes("t1", box, 1, log));
            s.spawn(takes("t2", box, 1, log));
            s.spawn(turnsThen(1, kills(first)));
            s.spawn(turnsThen(3, puts("p", box, List.of("a"), new ArrayList<>())));
            s.run();
        }
        assertEquals(List.of("t2 took a"), log);
    }

    @Generator
    static Gen<Void> putsAPayload(Mailbox<Object> box, List<WeakReference<Object>> payloads) {
        Object payload = new byte[64 * 1024];
        payloads.add(new WeakReference<>(payload));
        Yield.now(box.put(payload));
        return Gen.done();
    }

    @Test
    void aKilledPutterLeavesTheQueueAndItsMessageIsDropped() {
        Mailbox<Object> box = new Mailbox<>(0);
        List<WeakReference<Object>> payloads = new ArrayList<>();
        try (Scheduler s = new Scheduler()) {
            long first = s.spawn(putsAPayload(box, payloads));
            s.spawn(puts("p2", box, List.of("b"), new ArrayList<>()));
            s.spawn(turnsThen(1, kills(first)));
            s.spawn(turnsThen(3, takes("t", box, 1, log)));
            s.run();
            assertEquals(List.of("t took b"), log);
            KillReleasesTest.assertCollected(payloads.get(0));
            assertEquals(0, box.size());
        }
    }

    @Test
    void aBoxRefusesANegativeCapacityAndNullMessages() {
        assertThrows(IllegalArgumentException.class, () -> new Mailbox<>(-1));
        assertThrows(NullPointerException.class, () -> new Mailbox<String>(1).put(null));
    }

    @Test
    void aBoxUsedByTheTasksOfTwoSchedulersIsRefusedInTheSecond() {
        Mailbox<Object> box = new Mailbox<>(1);
        runAll(puts("first", box, List.of(1), log));
        runAll(puts("second", box, List.of(2), log));
        assertEquals(List.of("first put 1", "second IllegalStateException"), log);
    }
}
