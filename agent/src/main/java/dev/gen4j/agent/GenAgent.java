package dev.gen4j.agent;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent: {@code -javaagent:gen-agent.jar}. Registers the transformer that rewrites
 * {@code @Generator} methods as classes load; every other class passes through untouched.
 *
 * <p>The transformer is registered as retransformation-capable. The JVM runs every
 * transformer that is not (a coverage agent's, typically JaCoCo's) before those that are,
 * whatever the order of the {@code -javaagent} flags: so such a tool always sees and records
 * the class as compiled, and gen4j rewrites the result. The price: the JVM keeps a copy of
 * the bytes gen4j received for each class it rewrote, and a class retransformed by another
 * tool is rewritten again (the same way).
 */
public final class GenAgent {
    private GenAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        instrumentation.addTransformer(new GenTransformer(), true);
    }

    /** Loaded into a running JVM: only classes loaded from now on are instrumented. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        premain(options, instrumentation);
    }
}
