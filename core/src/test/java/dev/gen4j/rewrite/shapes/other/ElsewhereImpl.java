package dev.gen4j.rewrite.shapes.other;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.rewrite.shapes.Interfaces;

/** Implements an interface of another package, with its own private generator of the same name. */
public class ElsewhereImpl implements Interfaces.Counter {
    @Generator
    private Gen<String> steps(int n) {
        Yield.now("elsewhere " + n);
        return Gen.done();
    }

    public Gen<String> ownSteps(int n) {
        return steps(n);
    }
}
