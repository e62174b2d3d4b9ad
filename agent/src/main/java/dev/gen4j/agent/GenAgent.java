package dev.gen4j.agent;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent: {@code -javaagent:gen-agent.jar}. Registers the transformer that rewrites
 * {@code @Generator} methods as classes load; every other class passes through untouched.
 */
public final class GenAgent {
    private GenAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        instrumentation.addTransformer(new GenTransformer(), false);
    }

    /** Loaded into a running JVM: only classes loaded from now on are instrumented. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        premain(options, instrumentation);
    }
}
