package dev.gen4j.agent.instrument;

/**
 * What the rewrite of a method needs to know of its class.
 *
 * @param name internal name
 * @param isInterface whether the class is an interface
 * @param sourceFile the SourceFile attribute, or null
 * @param frameVersion class-file version for the frame classes
 * @param methods name + descriptor of every method the class declares
 */
record ClassFacts(String name, boolean isInterface, String sourceFile, int frameVersion, java.util.Set<String> methods) {
}
