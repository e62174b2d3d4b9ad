package dev.gen4j.agent.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The super types of gen4j-core's public classes, bundled with the agent (resource
 * {@code runtime-types.txt}), so that classes using gen4j are instrumented ahead of time without
 * gen4j-core on the class path. Each line: {@code name public|package class|interface super
 * [interface...]}; gen4j-core's tests check the table against its class files.
 */
public final class RuntimeTypes {
    /** The resource, next to this class. */
    public static final String RESOURCE = "runtime-types.txt";

    private static final Map<String, ClassHierarchy.TypeInfo> TYPES = load();

    private RuntimeTypes() {
    }

    /** The bundled facts about a gen4j-core class, or null if it is not one. */
    public static ClassHierarchy.TypeInfo info(String internalName) {
        return TYPES.get(internalName);
    }

    /** Every bundled class, in the table's order. */
    public static Map<String, ClassHierarchy.TypeInfo> all() {
        return TYPES;
    }

    /** One table line for a class, as {@link #info} reads it back. */
    public static String line(ClassHierarchy.TypeInfo t) {
        StringBuilder s = new StringBuilder(t.name()).append(t.isPublic() ? " public" : " package")
                .append(t.isInterface() ? " interface " : " class ").append(t.superName());
        for (String i : t.interfaces()) {
            s.append(' ').append(i);
        }
        return s.toString();
    }

    private static Map<String, ClassHierarchy.TypeInfo> load() {
        Map<String, ClassHierarchy.TypeInfo> types = new LinkedHashMap<>();
        try (InputStream in = RuntimeTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Collections.emptyMap();
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" +");
                types.put(f[0], new ClassHierarchy.TypeInfo(f[0], f[3], Arrays.copyOfRange(f, 4, f.length),
                        f[2].equals("interface"), f[1].equals("public")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(types);
    }
}
