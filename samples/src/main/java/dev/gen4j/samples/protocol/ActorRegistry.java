package dev.gen4j.samples.protocol;

import dev.gen4j.Gen;

/** Named actors made of generators: a registry that delivers messages to them by name. */
public interface ActorRegistry {
    /** Starts {@code gen} (runs it to its first yield) and registers it under {@code name}. */
    void actor(String name, Gen<?> gen);

    /** Sends {@code msg} to the actor registered under {@code name}. */
    void send(String name, Object msg);
}
