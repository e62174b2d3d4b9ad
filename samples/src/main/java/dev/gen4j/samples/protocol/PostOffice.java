package dev.gen4j.samples.protocol;

import dev.gen4j.sched.Mailbox;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Solution 2 of the seed's actors, on the scheduler: every actor has a {@link Mailbox}, so
 * sending only drops the message in the receiver's box and no actor is ever sent a message while
 * it runs. It delivers a given number of messages, then closes every box, which ends the actors.
 */
public final class PostOffice {
    private final Map<String, Mailbox<Integer>> boxes = new LinkedHashMap<>();
    private long deliveriesLeft;

    /** @param deliveries how many messages the actors may take before the boxes close */
    public PostOffice(long deliveries) {
        this.deliveriesLeft = deliveries;
    }

    /** The box of actor {@code name}: it holds the one message in flight to it. */
    public Mailbox<Integer> box(String name) {
        return boxes.computeIfAbsent(name, n -> new Mailbox<>(1));
    }

    /**
     * Counts one message delivered to an actor that has just taken it; once none is left, closes
     * every box instead and answers false (the message is not delivered, as in the seed).
     */
    public boolean deliver() {
        if (deliveriesLeft > 0) {
            deliveriesLeft--;
            return true;
        }
        boxes.values().forEach(Mailbox::close);
        return false;
    }
}
