package dev.gen4j.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The live tasks by id: an open-addressing table of the tasks themselves, so that a task costs
 * one array slot here, not an entry object and a boxed key.
 *
 * <p>Ids are handed out in sequence and a task's home slot is its id's low bits, so the live
 * tasks mostly sit at home in runs visited in order as they are spawned and end (few cache
 * misses). Robin Hood probing keeps the tasks of a run ordered by home, so that a lookup stops
 * at the first task nearer its home than the one sought would be, and a removal shifts back
 * only the displaced tasks after it, stopping at the first task at home: both O(1) even inside
 * a run of a million tasks.
 *
 * <p>Each slot's distance from its task's home is kept in a byte beside it, so that probing
 * and shifting read only tasks of the sought one's home: a task that ends otherwise loaded the
 * task after it, spawned next and rarely in the cache, only to learn it was at home. A distance
 * too large for the byte is read from the task's id.
 */
final class TaskTable {
    private static final int MIN_CAPACITY = 16;

    /** In {@link #distances}: the distance is this or more, and must be read from the task's id. */
    private static final byte FAR = Byte.MAX_VALUE;

    private Task[] slots = new Task[MIN_CAPACITY];
    /** {@code distances[i]}: how far {@code slots[i]} is from its home slot, at most {@link #FAR}. */
    private byte[] distances = new byte[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds a task whose id is not in the table yet. */
    void add(Task task) {
        if (4 * (size + 1) > 3 * slots.length) {
            resize(slots.length * 2);
        }
        insert(slots, distances, task);
        size++;
    }

    /** The live task {@code id}, or {@code null}. */
    Task get(long id) {
        Task[] s = slots;
        int mask = s.length - 1;
        byte[] d = distances;
        for (int i = (int) id & mask, distance = 0; ; i = (i + 1) & mask, distance++) {
            Task t = s[i];
            if (t == null) {
                return null;
            }
            int theirs = distanceAt(s, d, i, mask);
            if (theirs < distance) {
                return null;
            }
            // Only a task as far from home as the one sought would be has the same home.
            if (theirs == distance && t.id() == id) {
                return t;
            }
        }
    }

    /** Takes out {@code task} if it is in the table. */
    void remove(Task task) {
        Task[] s = slots;
        byte[] d = distances;
        int mask = s.length - 1;
        int i = (int) task.id() & mask;
        for (int distance = 0; s[i] != task; i = (i + 1) & mask, distance++) {
            if (s[i] == null || distanceAt(s, d, i, mask) < distance) {
                return;
            }
        }
        for (;;) {
            int j = (i + 1) & mask;
            Task after = s[j];
            if (after == null || d[j] == 0) {
                s[i] = null;
                break;
            }
            s[i] = after;
            d[i] = capped(distanceAt(s, d, j, mask) - 1);
            i = j;
        }
        size--;
        if (size == 0 && s.length > MIN_CAPACITY) {
            slots = new Task[MIN_CAPACITY];
            distances = new byte[MIN_CAPACITY];
        }
    }

    /** Every task, the earliest spawned first. */
    List<Task> inSpawnOrder() {
        List<Task> all = new ArrayList<>(size);
        for (Task t : slots) {
            if (t != null) {
                all.add(t);
            }
        }
        all.sort(Comparator.comparingLong(Task::id));
        return all;
    }

    private void resize(int capacity) {
        Task[] bigger = new Task[capacity];
        byte[] biggerDistances = new byte[capacity];
        for (Task t : slots) {
            if (t != null) {
                insert(bigger, biggerDistances, t);
            }
        }
        slots = bigger;
        distances = biggerDistances;
    }

    /** Robin Hood: a task that has come farther from its home takes the slot of one that has not. */
    private static void insert(Task[] s, byte[] d, Task task) {
        int mask = s.length - 1;
        Task moving = task;
        for (int i = (int) moving.id() & mask, distance = 0; ; i = (i + 1) & mask, distance++) {
            Task t = s[i];
            if (t == null) {
                s[i] = moving;
                d[i] = capped(distance);
                return;
            }
            int theirs = distanceAt(s, d, i, mask);
            if (theirs < distance) {
                s[i] = moving;
                d[i] = capped(distance);
                moving = t;
                distance = theirs;
            }
        }
    }

    /** How far the task in slot {@code i} (not empty) is from its home. */
    private static int distanceAt(Task[] s, byte[] d, int i, int mask) {
        int distance = d[i];
        return distance < FAR ? distance : (i - (int) s[i].id()) & mask;
    }

    private static byte capped(int distance) {
        return (byte) Math.min(distance, FAR);
    }
}
