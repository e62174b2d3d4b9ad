package dev.gen4j.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The frame class each generator of one class got, and the shape that frame had: what a
 * redefinition of the class (an IDE's HotSwap, {@code Instrumentation.redefineClasses}) needs to
 * know of the class's last instrumentation.
 *
 * <p>A frame class, once defined, stays: a redefined generator whose frame would differ (other
 * saved locals, other yields) must get a frame class of another name, or its new body would
 * meet the old class's fields ({@code NoSuchFieldError}). One whose frame is the same keeps the
 * old name, so generators suspended before the redefinition resume in the new code.
 */
public final class FrameNames {
    /** A redefined generator's frame of a new shape is named {@code Host~method~r} + the shape's digest. */
    static final String REDEFINED_INFIX = Names.FRAME_INFIX + "r";

    /** @param shape digest of the frame class as written under its first name */
    record Frame(String name, String shape) {
    }

    private final Map<String, Frame> byGenerator = new HashMap<>();

    void put(String generator, String name, String shape) {
        byGenerator.put(generator, new Frame(name, shape));
    }

    Frame get(String generator) {
        return byGenerator.get(generator);
    }

    /** The generators (name + descriptor, lambdas by their implementation method). */
    public Set<String> generators() {
        return byGenerator.keySet();
    }

    /** The name a redefinition gives a frame of a new shape: distinct shapes, distinct names. */
    static String redefinedName(String firstName, String shape) {
        return firstName + REDEFINED_INFIX + shape.substring(0, 8);
    }

    /**
     * A 64-bit FNV-1a digest of the frame class, in hex. Computed for every generator as its class
     * loads, so it must cost next to nothing: no message digest (its providers load slowly).
     */
    static String shapeOf(byte[] frameClass) {
        long h = 0xcbf29ce484222325L;
        for (byte b : frameClass) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
