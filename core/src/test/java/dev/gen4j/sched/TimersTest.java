package dev.gen4j.sched;

import static dev.gen4j.sched.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sleepers' heap wakes exactly the live sleepers, by deadline, then in the order they slept. */
class TimersTest {
    private record Sleep(Task task, long deadline, long order) {
    }

    @Test
    void wakesTheLiveSleepersInDeadlineOrderUnderRandomSleepsAndKills() {
        Random random = new Random(7);
        Timers timers = new Timers();
        List<Sleep> live = new ArrayList<>();
        List<Task> woken = new ArrayList<>();
        long now = 0;
        long order = 0;
        for (int step = 0; step < 20_000; step++) {
            int choice = random.nextInt(10);
            if (choice < 5) {
                Task t = task(step);
                long millis = random.nextInt(20);  // few distinct deadlines: many ties
                timers.add(t, Duration.ofMillis(millis), now);
                live.add(new Sleep(t, now + millis * 1_000_000, ++order));
            } else if (choice < 8 && !live.isEmpty()) {
                // Killed: kills come in bursts, enough for the heap to be rebuilt without them.
                for (int k = random.nextInt(40); k >= 0 && !live.isEmpty(); k--) {
                    Sleep s = live.remove(random.nextInt(live.size()));
                    timers.cancel((Timers.Timer) s.task().waitingOn);
                }
            } else {
                now += random.nextInt(3) * 1_000_000L;
                long due = now;
                List<Task> expected = live.stream()
                        .filter(s -> s.deadline() - due <= 0)
                        .sorted(Comparator.comparingLong(Sleep::deadline).thenComparingLong(Sleep::order))
                        .map(Sleep::task)
                        .toList();
                woken.clear();
                timers.fireDue(now, woken::add);
                assertEquals(expected, woken, "woken at step " + step);
                live.removeIf(s -> s.deadline() - due <= 0);
            }
            assertEquals(live.size(), timers.size());
        }
    }

    @Test
    void wakesTensOfThousandsOfSleepersInDeadlineOrderAfterKillsThroughoutTheHeap() {
        Random random = new Random(20261201);
        Timers timers = new Timers();
        List<Sleep> live = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            Task t = task(i);
            long micros = random.nextInt(50_000);  // many levels deep, with some ties
            timers.add(t, Duration.ofNanos(micros * 1_000), 0);
            live.add(new Sleep(t, micros * 1_000, i));
        }
        for (int k = 0; k < 10_000; k++) {
            Sleep s = live.remove(random.nextInt(live.size()));
            timers.cancel((Timers.Timer) s.task().waitingOn);
        }
        List<Task> expected = live.stream()
                .sorted(Comparator.comparingLong(Sleep::deadline).thenComparingLong(Sleep::order))
                .map(Sleep::task)
                .toList();
        List<Task> woken = new ArrayList<>();
        timers.fireDue(50_000_000, woken::add);
        assertEquals(expected, woken);
        assertEquals(0, timers.size());
    }

    @Test
    void theNextDeadlineSkipsKilledSleepers() {
        Timers timers = new Timers();
        Task early = task(1);
        Task late = task(2);
        timers.add(early, Duration.ofMillis(1), 0);
        timers.add(late, Duration.ofMillis(5), 0);
        timers.cancel((Timers.Timer) early.waitingOn);
        assertEquals(5_000_000, timers.nanosToNext(0));
        timers.cancel((Timers.Timer) late.waitingOn);
        assertEquals(Long.MAX_VALUE, timers.nanosToNext(0));
        assertEquals(0, timers.size());
    }
}
