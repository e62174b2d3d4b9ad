package dev.gen4j.fuzz;

import java.util.List;

/**
 * The declaration of one generated generator method, {@code g<index>}: in the program's class, or
 * in the interface {@code Mixin} nested in it (implemented by the nested class {@code MixinImpl}).
 * An {@code overridden} one is overridden too: in the program's subclass {@code Sub}, or in
 * {@code MixinImpl}, by a body that may delegate to the one it overrides.
 */
record MethodShape(int index, boolean isStatic, boolean inInterface, String modifiers, List<FuzzType> parameters,
        boolean overridden) {
    static final String INTERFACE = "Mixin";
    static final String IMPLEMENTATION = "MixinImpl";
    static final String SUBCLASS = "Sub";

    /** Whether a subclass or an implementation may override it. */
    boolean overridable() {
        return !isStatic && !modifiers.contains("private");
    }

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

    /**
     * A new object of the program's class, or of its subclass, to call this class method on: seen
     * through the class's type when the method is private, which the subclass does not inherit.
     */
    String instance(String className, boolean ofSubclass, String acc) {
        if (!ofSubclass) {
            return "new " + className + "(" + acc + ")";
        }
        String sub = "new " + SUBCLASS + "(" + acc + ")";
        return overridable() ? sub : "((" + className + ") " + sub + ")";
    }

    static String parameterName(int i) {
        return "p" + i;
    }
}
