package dev.gen4j.samples.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bus feed the XML samples read: a file given on the command line, or the allroutes.xml
 * shipped in samples.jar (made by make_allroutes.py: 120 buses in the layout of the Chicago
 * Transit Authority feed that the course used).
 */
public final class AllRoutes {
    static final String SHIPPED = "allroutes.xml";

    private AllRoutes() {
    }

    /** Opens {@code file}, or the shipped allroutes.xml when it is null. */
    public static InputStream open(Path file) throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        return Objects.requireNonNull(AllRoutes.class.getResourceAsStream(SHIPPED), SHIPPED);
    }
}
