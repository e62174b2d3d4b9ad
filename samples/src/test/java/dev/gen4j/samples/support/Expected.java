package dev.gen4j.samples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the Python originals print, as committed under src/test/resources/expected/ by
 * src/test/python/make_expected.py (which runs them with python3).
 */
public final class Expected {
    private Expected() {
    }

    public static String output(String name) {
        return resource("/expected/" + name);
    }

    /** A resource of the samples jar or of the tests, as text. */
    public static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(Expected.class.getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
