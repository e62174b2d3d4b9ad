package dev.gen4j.samples.pyos;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.PrintWriter;

/**
 * trampoline.py, which leads to step 8: a generator cannot call another generator as a
 * subroutine, but it can yield it and let a driver run it and send its result back. This is the
 * driver written by hand; {@code Yield.from} is gen4j's own trampoline (see
 * {@link Step8EchoServer}).
 */
final class Step8Trampoline {
    private Step8Trampoline() {
    }

    /** A subroutine. */
    @Generator
    static Gen<Integer> add(int x, int y) {
        Yield.now(x + y);
        return Gen.done();
    }

    /** A function that calls a subroutine. */
    @Generator
    static Gen<Object> main(PrintWriter out) {
        int r = Yield.now(add(2, 2));
        out.println(r);
        Yield.now();
        return Gen.done();
    }

    static void run(PrintWriter out) {
        Gen<Object> m = main(out);
        // An example of a "trampoline"
        Gen<?> sub = (Gen<?>) m.send(null);
        Object result = sub.send(null);
        m.send(result);
    }
}
