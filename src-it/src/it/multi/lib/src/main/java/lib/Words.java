package lib;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;

public class Words {
    @Generator
    public static Gen<String> of(String sentence) {
        for (String w : sentence.split(" ")) {
            Yield.now(w);
        }
        return Gen.done();
    }
}
