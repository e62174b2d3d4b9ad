package dev.gen4j.agent.instrument;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the raw class-file bytes, without parsing, whether a class may contain
 * {@code @Generator} methods: the annotation's descriptor must then be in its constant pool.
 * This is what keeps classes without generators at next to no cost.
 */
public final class AnnotationScan {
    private static final byte[] GENERATOR = Names.GENERATOR_DESC.getBytes(StandardCharsets.US_ASCII);

    private AnnotationScan() {
    }

    public static boolean mayContainGenerators(byte[] classFile) {
        return indexOf(classFile, GENERATOR) >= 0;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
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
