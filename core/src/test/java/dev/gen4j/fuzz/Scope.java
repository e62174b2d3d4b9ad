package dev.gen4j.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The locals visible at the point being generated, block by block. Every name is fresh within the
 * method, so inner blocks never shadow (which Java forbids for locals).
 */
final class Scope {
    /**
     * A local: {@code assignable} is false for loop counters and caught exceptions; {@code
     * capturable} is true for the final ones a lambda or a local class may read.
     */
    record Var(String name, FuzzType type, boolean assignable, boolean capturable) {
    }

    private final List<Var> visible = new ArrayList<>();
    private final Deque<Integer> blockStarts = new ArrayDeque<>();
    /** Shared with the scopes of the lambdas and classes in the method: names stay fresh in all. */
    private final int[] names;

    Scope() {
        names = new int[1];
    }

    private Scope(int[] names) {
        this.names = names;
    }

    /**
     * The scope of a lambda's or a local class's body written here: it sees only the capturable
     * locals, read-only.
     */
    Scope capturing() {
        Scope inner = new Scope(names);
        for (Var v : visible) {
            if (v.capturable()) {
                inner.visible.add(v);
            }
        }
        return inner;
    }

    String fresh(String prefix) {
        return prefix + names[0]++;
    }

    void open() {
        blockStarts.push(visible.size());
    }

    void close() {
        visible.subList(blockStarts.pop(), visible.size()).clear();
    }

    Var declare(String name, FuzzType type, boolean assignable) {
        return add(new Var(name, type, assignable, false));
    }

    /** A final local: read-only, and lambdas and local classes may capture it. */
    Var declareFinal(String name, FuzzType type) {
        return add(new Var(name, type, false, true));
    }

    private Var add(Var v) {
        visible.add(v);
        return v;
    }

    /** A random visible local whose type widens to {@code type}; null if there is none. */
    Var readable(Random random, FuzzType type) {
        return pick(random, type, false);
    }

    /** A random assignable local of exactly {@code type}; null if there is none. */
    Var assignable(Random random, FuzzType type) {
        return pick(random, type, true);
    }

    /** A random assignable local of any type; null if there is none. */
    Var anyAssignable(Random random) {
        List<Var> candidates = visible.stream().filter(Var::assignable).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private Var pick(Random random, FuzzType type, boolean forAssignment) {
        List<Var> candidates = new ArrayList<>();
        for (Var v : visible) {
            if (forAssignment ? v.assignable() && v.type() == type : v.type().widensTo(type)) {
                candidates.add(v);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
