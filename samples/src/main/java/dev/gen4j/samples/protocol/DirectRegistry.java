package dev.gen4j.samples.protocol;

import dev.gen4j.Gen;
import java.util.HashMap;
import java.util.Map;

/**
 * Attempt 1 of the seed's actors: {@code send} sends to the generator at once. It is an ordinary
 * call, so an actor that sends to an actor that sends back re-enters itself, and fails with
 * "generator already executing".
 */
public final class DirectRegistry implements ActorRegistry {
    private final Map<String, Gen<?>> registry = new HashMap<>();

    @Override
    public void actor(String name, Gen<?> gen) {
        gen.next();
        registry.put(name, gen);
    }

    @Override
    public void send(String name, Object msg) {
        registry.get(name).send(msg);
    }
}
