package dev.gen4j.samples.protocol;

import dev.gen4j.Gen;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Solution 2 of the seed's actors, a tiny message scheduler: {@code send} only drops the message
 * on a queue, and {@link #run} delivers the messages one at a time, so no actor is ever sent a
 * message while it runs.
 */
public final class QueuedRegistry implements ActorRegistry {
    private record Message(String name, Object msg) {
    }

    private final Map<String, Gen<?>> registry = new HashMap<>();
    private final Deque<Message> msgQueue = new ArrayDeque<>();

    @Override
    public void actor(String name, Gen<?> gen) {
        gen.next();
        registry.put(name, gen);
    }

    @Override
    public void send(String name, Object msg) {
        msgQueue.add(new Message(name, msg));
    }

    /** Delivers queued messages until there are none left or {@code count} have been delivered. */
    public void run(long count) {
        while (!msgQueue.isEmpty() && count > 0) {
            Message m = msgQueue.poll();
            registry.get(m.name()).send(m.msg());
            count -= 1;
        }
    }
}
