package dev.gen4j.it;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Takes the echo server's replies apart: each chunk it received comes back as "GOT:" + chunk. */
final class EchoReplies {
    static final byte[] PREFIX = {'G', 'O', 'T', ':'};
    /** The most the server reads at once. */
    static final int MAX_CHUNK = 1000;

    private EchoReplies() {
    }

    /** A byte that never occurs in the payloads decoded by {@link Decoder}. */
    static boolean isPayloadByte(int b) {
        return b != 'G';
    }

    /** Payload bytes (lowercase letters, digits, spaces, newlines: never 'G'), as a function of the offset. */
    static byte[] payload(int size, int seed) {
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \n".getBytes();
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = alphabet[Math.floorMod(i * 7 + i / 38 + seed, alphabet.length)];
        }
        return bytes;
    }

    /**
     * Decodes the reply stream incrementally, for payloads without 'G': a 'G' can only start a
     * prefix, so the chunk boundaries are unambiguous.
     */
    static final class Decoder {
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        private int prefixAt;
        private int chunkLength = -1;
        private long chunks;

        void feed(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                feed(bytes[i]);
            }
        }

        private void feed(byte b) {
            if (chunkLength >= 0 && isPayloadByte(b)) {
                if (++chunkLength > MAX_CHUNK) {
                    throw new AssertionError("a chunk longer than " + MAX_CHUNK + " bytes after 'GOT:'");
                }
                payload.write(b);
                return;
            }
            if (chunkLength == 0) {
                throw new AssertionError("an empty chunk: 'GOT:' followed by 'GOT:'");
            }
            chunkLength = -1;
            if (b != PREFIX[prefixAt]) {
                throw new AssertionError("expected '" + (char) PREFIX[prefixAt] + "' of 'GOT:' at payload offset "
                        + payload.size() + ", got byte " + (b & 0xFF));
            }
            if (++prefixAt == PREFIX.length) {
                prefixAt = 0;
                chunkLength = 0;
                chunks++;
            }
        }

        int payloadSize() {
            return payload.size();
        }

        byte[] payload() {
            return payload.toByteArray();
        }

        long chunks() {
            return chunks;
        }

        /** Whether the stream so far ends between chunks or inside one, not inside a prefix. */
        boolean atPayloadBoundary() {
            return prefixAt == 0;
        }
    }

    /**
     * Whether {@code reply} is "GOT:" + c1 + "GOT:" + c2 + ... with c1 + c2 + ... = {@code sent}
     * and every chunk of 1 to {@link #MAX_CHUNK} bytes: for any payload, however many 'G's.
     */
    static boolean isEchoOf(byte[] sent, byte[] reply) {
        // Depth-first over the places a chunk may end; (reply offset, sent offset) pairs seen once.
        Deque<long[]> starts = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        starts.push(new long[] {0, 0});
        while (!starts.isEmpty()) {
            long[] at = starts.pop();
            int r = (int) at[0];
            int s = (int) at[1];
            if (r == reply.length && s == sent.length) {
                return true;
            }
            if (!seen.add(((long) r << 32) | s) || !prefixAt(reply, r)) {
                continue;
            }
            int rEnd = r + PREFIX.length;
            for (int n = 1; n <= MAX_CHUNK && s + n <= sent.length && rEnd + n <= reply.length; n++) {
                if (reply[rEnd + n - 1] != sent[s + n - 1]) {
                    break;
                }
                if (rEnd + n == reply.length || prefixAt(reply, rEnd + n)) {
                    starts.push(new long[] {rEnd + n, s + n});
                }
            }
        }
        return false;
    }

    private static boolean prefixAt(byte[] bytes, int offset) {
        if (offset + PREFIX.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (bytes[offset + i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
