package dev.gen4j.fuzz;

import java.util.List;

/**
 * The declaration of one generated generator method, {@code g<index>}: in the program's class, or
 * in the interface {@code Mixin} nested in it (implemented by the nested class {@code MixinImpl}).
 */
record MethodShape(int index, boolean isStatic, boolean inInterface, String modifiers, List<FuzzType> parameters) {
    static final String INTERFACE = "Mixin";
    static final String IMPLEMENTATION = "MixinImpl";

    String name() {
        return "g" + index;
    }

    /** Whether the body may use the program's instance field (an interface has no fields). */
    boolean hasFields() {
        return !isStatic && !inInterface;
    }

    /**
     * How code anywhere in the program calls this method, given an instance expression for
     * instance methods. Private interface methods are in reach too: the whole program is one
     * nest.
     */
    String call(String instance, List<String> arguments) {
        String target;
        if (isStatic) {
            target = inInterface ? INTERFACE + "." : "";
        } else {
            target = inInterface ? "((" + INTERFACE + ") " + instance + ")." : instance + ".";
        }
        return target + name() + "(" + String.join(", ", arguments) + ")";
    }

    static String parameterName(int i) {
        return "p" + i;
    }
}
