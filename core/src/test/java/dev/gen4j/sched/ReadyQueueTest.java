package dev.gen4j.sched;

import static dev.gen4j.sched.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ready queue is first in, first out, whatever the ring's wrap-around and growth. */
class ReadyQueueTest {
    @Test
    void keepsTheOrderWhenItGrowsWhileWrappedAroundTheEndOfItsRing() {
        ReadyQueue q = new ReadyQueue();
        ArrayDeque<Task> expected = new ArrayDeque<>();
        long id = 0;
        // Move the head to the middle of the first ring, then fill past its capacity.
        for (int i = 0; i < 10; i++) {
            Task t = task(++id);
            q.add(t);
            expected.add(t);
        }
        for (int i = 0; i < 7; i++) {
            assertSame(expected.poll(), q.poll());
        }
        for (int i = 0; i < 100; i++) {
            Task t = task(++id);
            q.add(t);
            expected.add(t);
        }
        assertEquals(expected.size(), q.size());
        while (!expected.isEmpty()) {
            assertSame(expected.poll(), q.poll());
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void agreesWithADequeUnderARandomMixOfAddsAndPolls() {
        Random random = new Random(20261201);
        ReadyQueue q = new ReadyQueue();
        ArrayDeque<Task> expected = new ArrayDeque<>();
        long id = 0;
        for (int step = 0; step < 200_000; step++) {
            // Phases that mostly add, then mostly poll, so that the ring grows and empties again.
            boolean adding = (step / 5_000) % 2 == 0 ? random.nextInt(10) < 7 : random.nextInt(10) < 3;
            if (adding || expected.isEmpty()) {
                Task t = task(++id);
                q.add(t);
                expected.add(t);
            } else {
                assertSame(expected.poll(), q.poll(), "step " + step);
            }
            assertEquals(expected.size(), q.size());
        }
    }

    @Test
    void keepsTheOrderAcrossTheRingAndTheTasksLinkedPastIt() {
        ReadyQueue q = new ReadyQueue();
        ArrayDeque<Task> expected = new ArrayDeque<>();
        long id = 0;
        // Past a full ring, then polls and adds in turn while the ring drains and the list goes on.
        for (int i = 0; i < ReadyQueue.MAX_RING + 1_000; i++) {
            Task t = task(++id);
            q.add(t);
            expected.add(t);
        }
        for (int i = 0; i < 3 * ReadyQueue.MAX_RING; i++) {
            assertSame(expected.poll(), q.poll(), "poll " + i);
            if (i % 3 != 0) {
                Task t = task(++id);
                q.add(t);
                expected.add(t);
            }
        }
        while (!expected.isEmpty()) {
            Task t = q.poll();
            assertSame(expected.poll(), t);
            assertTrue(!t.isQueued(), "a task taken keeps no link");
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void clearForgetsEveryTask() {
        ReadyQueue q = new ReadyQueue();
        for (int i = 1; i <= 40; i++) {
            q.add(task(i));
        }
        q.clear();
        assertTrue(q.isEmpty());
        Task t = task(41);
        q.add(t);
        assertSame(t, q.poll());
    }
}
