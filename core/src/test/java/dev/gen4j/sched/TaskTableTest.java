package dev.gen4j.sched;

import static dev.gen4j.sched.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The table of live tasks by id agrees with a map under any mix of adds, lookups and removals. */
class TaskTableTest {
    /** A table and the map of what it should hold, changed together. */
    private static final class Model {
        final TaskTable table = new TaskTable();
        final Map<Long, Task> expected = new HashMap<>();

        void add(long... ids) {
            for (long id : ids) {
                Task t = task(id);
                table.add(t);
                expected.put(id, t);
            }
        }

        void remove(long id) {
            table.remove(expected.remove(id));
        }

        /** The table finds what the map holds, and nothing else, for each of {@code ids}. */
        void assertAgreesOn(long... ids) {
            for (long id : ids) {
                assertSame(expected.get(id), table.get(id), "id " + id);
            }
            assertEquals(expected.size(), table.size());
        }
    }

    @Test
    void findsEveryTaskAddedAndNoneRemovedWhenIdsCollideInTheirHomeSlots() {
        Model m = new Model();
        // Ids 16 apart share a home slot while the table is small; sequential ones fill runs.
        m.add(1, 17, 33, 2, 3, 18, 49, 4, 65, 5);
        for (long id : new long[] {17, 2, 49}) {
            m.remove(id);
        }
        m.assertAgreesOn(LongStream.range(0, 80).toArray());
    }

    @Test
    void findsEveryTaskWhenHundredsShareOneHomeSlot() {
        Model m = new Model();
        // 300 ids 4,096 apart all have slot 0 as home in a table of 1,024; their neighbours, at
        // home 1, queue behind all of them, at distances 299-598: farther than a byte counts.
        for (long k = 0; k < 300; k++) {
            m.add(k * 4096, k * 4096 + 1);
        }
        for (long k = 0; k < 300; k += 3) {
            m.remove(k * 4096);
        }
        m.assertAgreesOn(LongStream.range(0, 302)
                .flatMap(k -> LongStream.of(k * 4096, k * 4096 + 1, k * 4096 + 2)).toArray());
    }

    @Test
    void findsEveryTaskWhenARunFarFromHomeWrapsPastTheEndOfTheTable() {
        Model m = new Model();
        // Home 511, the last slot of a table of 512: the run wraps to slots 0-298.
        for (long k = 0; k < 300; k++) {
            m.add(k * 4096 + 511);
        }
        for (long k = 0; k < 300; k += 3) {
            m.remove(k * 4096 + 511);
        }
        m.assertAgreesOn(LongStream.range(0, 302)
                .flatMap(k -> LongStream.of(k * 4096 + 511, k * 4096 + 510)).toArray());
        assertEquals(200, m.table.size());
    }

    @Test
    void agreesWithAMapUnderRandomSpawnsAndEnds() {
        Random random = new Random(42);
        TaskTable table = new TaskTable();
        TreeMap<Long, Task> expected = new TreeMap<>();
        List<Task> live = new ArrayList<>();
        long nextId = 1;
        for (int op = 0; op < 200_000; op++) {
            int choice = random.nextInt(10);
            if (choice < 5 || live.isEmpty()) {
                // Now and then a jump, so that ids far apart meet in one slot.
                nextId += random.nextInt(50) == 0 ? 1024 : 1;
                Task t = task(nextId);
                table.add(t);
                expected.put(nextId, t);
                live.add(t);
            } else if (choice < 9) {
                Task t = live.remove(random.nextInt(live.size()));
                table.remove(t);
                expected.remove(t.id());
            } else {
                long id = 1 + (long) random.nextInt((int) nextId + 10);
                assertSame(expected.get(id), table.get(id), "id " + id + " after " + op + " operations");
            }
            assertEquals(expected.size(), table.size());
        }
        for (Task t : live) {
            assertSame(t, table.get(t.id()));
        }
        assertEquals(new ArrayList<>(expected.values()), table.inSpawnOrder());
    }

    @Test
    void removingATaskNotInTheTableChangesNothing() {
        TaskTable table = new TaskTable();
        Task kept = task(3);
        table.add(kept);
        table.remove(task(19));
        table.remove(task(4));
        assertSame(kept, table.get(3));
        assertEquals(1, table.size());
        table.remove(kept);
        assertNull(table.get(3));
        assertEquals(0, table.size());
    }
}
