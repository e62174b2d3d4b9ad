package demo;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * A program HotSwapIT redefines while it runs, at the line marked {@code // swap}, with one of the
 * versions under {@code src/test/hotswap}: each keeps this file's lines where they are.
 */
public final class Swapped {
    private Swapped() {
    }

    @Generator
    static Gen<String> words() {
        Yield.now("one");
        Yield.now("two");
        return Gen.done();
    }

    @Generator
    static Gen<String> counted(int n) {
        for (int i = 0; i < n; i++) {
            Yield.now("v1 " + i);
        }
        return Gen.done();
    }

    static Gen<String> plain() {
        return words();
    }

    public static void main(String[] args) {
        Gen<String> words = words();
        Gen<String> counted = counted(3);
        System.out.println("before: " + words.next() + ", " + counted.next());
        swap(); // swap
        System.out.println("words, suspended before: " + rest(words));
        System.out.println("counted, suspended before: " + rest(counted));
        System.out.println("counted, created after: " + rest(counted(2)));
        System.out.println("plain, created after: " + rest(plain()));
    }

    private static void swap() {
    }

    private static String rest(Gen<String> g) {
        List<String> values = new ArrayList<>();
        try {
            while (g.hasNext()) {
                values.add(g.next());
            }
        } catch (RuntimeException e) {
            values.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return String.join(", ", values);
    }
}
