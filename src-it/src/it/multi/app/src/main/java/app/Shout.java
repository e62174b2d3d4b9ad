package app;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import lib.Words;

public class Shout {
    @Generator
    public static Gen<String> shout(String sentence) {
        Gen<String> words = Words.of(sentence);
        for (String w : words) {
            Yield.now(w.toUpperCase());
        }
        return Gen.done();
    }
}
