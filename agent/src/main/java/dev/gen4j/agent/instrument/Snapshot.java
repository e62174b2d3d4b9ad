package dev.gen4j.agent.instrument;

import java.util.List;

/**
 * What one point of the body keeps in the frame: locals (original numbering), then waiting
 * stack values from bottom to top.
 */
record Snapshot(List<SavedLocal> locals, List<Slot> stack) {
    /** A local and the slot that keeps it. */
    record SavedLocal(int local, Slot slot) {
    }
}
