package dev.gen4j.fuzz;

/**
 * The two ways one program template is rendered. The template names the generator operations
 * through hooks ({@code #Y.now(..)}, {@code #Y.from(..)}, {@code #G.done(..)}, {@code #G.of(..)},
 * {@code #Gen}, {@code #Kept} (a generator lambda kept in a local), {@code #ann}, {@code #rec}, and {@code #enter}, the first statement of every
 * generator body, by which the plain run knows which generators run); '#' cannot appear in Java code, so a hook left
 * unrendered cannot compile.
 */
enum Variant {
    /** Real generators: what the agent rewrites. */
    GENERATOR("@dev.gen4j.Generator", "dev.gen4j.Gen<Object>", "dev.gen4j.Yield.", "dev.gen4j.Gen.", "", ""),
    /**
     * The same code run straight through: a yield records its value and returns what the driver
     * would send; a delegation is a plain call of the delegate; the methods return their results.
     * No {@code @Generator} anywhere, so the agent leaves these classes alone.
     */
    PLAIN("", "Object", "rec.", "rec.", "static dev.gen4j.fuzz.Recorder rec;", "rec.enter();");

    private final String annotation;
    private final String genType;
    private final String yield;
    private final String gen;
    private final String recorderField;
    private final String enter;

    Variant(String annotation, String genType, String yield, String gen, String recorderField, String enter) {
        this.annotation = annotation;
        this.genType = genType;
        this.yield = yield;
        this.gen = gen;
        this.recorderField = recorderField;
        this.enter = enter;
    }

    String render(String template) {
        return template.replace("#ann", annotation)
                .replace("#Gen", genType)
                .replace("#Kept", this == GENERATOR ? genType : "dev.gen4j.fuzz.Recorder.Lambda")
                .replace("#Y.", yield)
                .replace("#G.", gen)
                .replace("#rec", recorderField)
                .replace("#enter", enter);
    }
}
