package dev.gen4j.fuzz;

/**
 * One generated program: a public class with a static {@code start()} that calls its first
 * generator method, written once as a template and rendered as either {@link Variant}.
 */
record FuzzProgram(long seed, String className, String template) {
    static final String PACKAGE = "fuzzed";

    String binaryName() {
        return PACKAGE + "." + className;
    }

    String source(Variant variant) {
        return variant.render(template);
    }

    /** Whether {@code binaryName} is this program's class or one of its nested classes. */
    boolean owns(String binaryName) {
        return binaryName.equals(binaryName()) || binaryName.startsWith(binaryName() + "$");
    }
}
