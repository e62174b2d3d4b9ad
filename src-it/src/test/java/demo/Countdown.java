package demo;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;

/**
 * A small program with a generator method and a generator lambda, run by DebuggerIT and
 * CoverageIT with the agent. The tests find the lines they name by the {@code //} markers at
 * their ends; keep the markers unique. It lives outside dev.gen4j so a debugger can step over
 * gen4j's runtime by its package.
 */
public final class Countdown {
    private Countdown() {
    }

    @Generator
    static Gen<Integer> countdown(int n) {
        String label = "from " + n; // countdown:first
        System.out.println(label);
        int total = 0;
        while (n > 0) {
            total += n;
            Yield.now(n); // countdown:yield
            n--; // countdown:resumed
        }
        if (total < 0) {
            System.out.println("negative"); // countdown:missed
        }
        return Gen.done(total);
    }

    public static void main(String[] args) {
        Gen<Integer> g = countdown(2); // main:created
        int first = g.next(); // main:first-next
        int second = g.next(); // main:second-next
        System.out.println(first + " " + second + " " + g.hasNext() + " " + g.result());

        int limit = 2;
        Gen<Integer> lambda = Gen.generate(() -> {
            int sum = limit * 10; // lambda:first
            for (int i = 0; i < limit; i++) {
                Yield.now(sum + i); // lambda:yield
                sum++; // lambda:resumed
            }
        });
        int a = lambda.next(); // main:lambda-first-next
        int b = lambda.next(); // main:lambda-second-next
        System.out.println(a + " " + b + " " + lambda.hasNext());
    }
}
