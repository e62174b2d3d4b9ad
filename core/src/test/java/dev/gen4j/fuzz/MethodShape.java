package dev.gen4j.fuzz;

import java.util.List;

/** The declaration of one generated generator method: {@code g<index>}. */
record MethodShape(int index, boolean isStatic, String visibility, List<FuzzType> parameters) {
    String name() {
        return "g" + index;
    }

    static String parameterName(int i) {
        return "p" + i;
    }
}
