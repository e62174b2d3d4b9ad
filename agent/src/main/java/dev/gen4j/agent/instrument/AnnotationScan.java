package dev.gen4j.agent.instrument;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the raw class-file bytes, without parsing, whether a class may contain
 * {@code @Generator} methods: the annotation's descriptor must then be in its constant pool.
 * This is what keeps classes without generators at next to no cost.
 */
public final class AnnotationScan {
    /** What the two descriptors share: one pass over the bytes finds either. */
    private static final byte[] PREFIX = "Ldev/gen4j/Gen".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GENERATOR_TAIL = Names.GENERATOR_DESC.substring(PREFIX.length)
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_TAIL = Names.GEN_BODY_DESC.substring(PREFIX.length)
            .getBytes(StandardCharsets.US_ASCII);

    private static final byte[] MARKER = Names.INSTRUMENTED_DESC.getBytes(StandardCharsets.US_ASCII);

    private AnnotationScan() {
    }

    /**
     * Whether the constant pool names the marker of this protocol's instrumentation: the class
     * was instrumented already (ahead of time, as gen4j-core's own classes are), and the agent
     * leaves it alone without parsing it, so an application whose generators were all
     * instrumented ahead of time never loads ASM. A class of another protocol with this marker
     * is refused by the runtime at its first use.
     */
    public static boolean isMarkedInstrumented(byte[] classFile) {
        return indexOf(classFile, MARKER) >= 0;
    }

    /**
     * Whether the constant pool may name {@code @Generator} (a generator method) or a descriptor
     * that returns a {@code GenBody} (the invokedynamic that creates a generator lambda). A
     * {@code GenBody} taken as a parameter does not count: gen4j-core's {@code Gen.generate}
     * takes one, and is in every program.
     */
    public static boolean mayContainGenerators(byte[] classFile) {
        for (int at = indexOf(classFile, PREFIX, 0); at >= 0; at = indexOf(classFile, PREFIX, at + 1)) {
            int tail = at + PREFIX.length;
            if (startsAt(classFile, tail, GENERATOR_TAIL)
                    || (at > 0 && classFile[at - 1] == ')' && startsAt(classFile, tail, BODY_TAIL))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAt(byte[] haystack, int at, byte[] needle) {
        if (at + needle.length > haystack.length) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (haystack[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
