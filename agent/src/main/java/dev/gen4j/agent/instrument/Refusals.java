package dev.gen4j.agent.instrument;

/**
 * What the rewrite refuses, and what to do instead: every problem text, in one place. Each is
 * the part after "cannot instrument Host.method(...) (Host.java:12): " (see
 * {@link InstrumentationException#at}); the agent and the ahead-of-time command report the same.
 */
final class Refusals {
    private Refusals() {
    }

    static String returnType(String declared) {
        return "its return type is " + declared + "; a @Generator method must be declared to return dev.gen4j.Gen<T>";
    }

    static String noBody() {
        return "it has no body (abstract or native); put @Generator on the implementing method";
    }

    static String tooManyParameterSlots(int slots) {
        return "its parameters take " + slots + " of the JVM's 255 parameter slots, and the rewrite needs one more;"
                + " pass some of them together in one object (a record)";
    }

    static String subroutines() {
        return "it uses JSR/RET subroutines (class files older than Java 6); recompile it for Java 8 or later";
    }

    static String missingClass(String className) {
        return "class " + className + " not found; add it with --classpath (or, with the agent, put it on the class"
                + " path of the generator's class loader)";
    }

    static String notAnalyzable(String reason) {
        return "its bytecode could not be analyzed (" + reason + ")";
    }

    static String inSynchronizedMethod(String call) {
        return call + " in a synchronized method: the suspended generator would keep the lock while others run;"
                + " synchronize inside the body, between the yields, instead";
    }

    static String inSynchronizedBlock(String call) {
        return call + " inside a synchronized block: the suspended generator would keep the lock while others run;"
                + " end the synchronized block before the yield";
    }

    static String unknownStackValue(String call) {
        return call + " while a value of unknown type waits on the operand stack; assign the yielded value to a"
                + " local variable first";
    }

    static String creationAroundYield() {
        return "an object is created around a Yield call in a form other than 'new X(...)'; assign the yielded"
                + " value to a local first, then create the object";
    }

    static String tooLarge() {
        return "too large: once rewritten it exceeds the JVM's 64 KiB limit for a method; split it into smaller"
                + " generators joined with Yield.from";
    }

    static String yieldOutsideGenerator(String callee) {
        return "Yield." + callee + "() outside a @Generator method (a lambda or a helper cannot yield for the"
                + " generator around it); move the yield into the @Generator method or a generator lambda"
                + " (Gen.generate(() -> ...)), or make this method a @Generator and call it with Yield.from";
    }

    static String yieldMethodReference(String method) {
        return "a method reference to Yield." + method + " (Yield::" + method + ") cannot yield for the generator"
                + " around it; write the loop in the @Generator method and call Yield." + method + "() there";
    }

    static String genBodyMethodReference(String owner, String method) {
        return "a method reference (" + owner + "::" + method + ") passed as a GenBody cannot be rewritten into a"
                + " generator; pass a lambda, () -> { ... }, to Gen.generate, or make the method a @Generator";
    }

    /**
     * A redefinition (HotSwap) that makes a method a generator or one a plain method again: the
     * rewrite adds a method per generator, and the JVM cannot add or remove methods of a loaded
     * class.
     */
    static String redefinitionChangesGenerators(java.util.List<String> added, java.util.List<String> removed) {
        return (added.isEmpty() ? "" : "the change makes " + String.join(", ", added) + " a generator")
                + (added.isEmpty() || removed.isEmpty() ? "" : ", and ")
                + (removed.isEmpty() ? "" : "the change makes " + String.join(", ", removed) + " no longer a generator")
                + "; gen4j writes a method per generator, and the JVM cannot add or remove methods of a loaded class"
                + " (HotSwap changes method bodies only): restart the program to load the change";
    }

    /** Thrown at run time by a generator suspended before its class was redefined with another shape of it. */
    static String staleAfterRedefinition(String generator) {
        return "generator " + generator + " was suspended when its class was redefined (HotSwap) with another"
                + " shape of this generator (other saved locals or yields), so it cannot resume in the new code:"
                + " create the generator again; generators created since the redefinition run the new code";
    }

    /** Not a per-method problem: the whole class. */
    static String otherProtocol(String className, int marked, int ours) {
        return "class " + className + " was instrumented by another version of gen4j (protocol " + marked
                + ", this one speaks " + ours + "): compile it again (mvn clean) and instrument the fresh class";
    }
}
