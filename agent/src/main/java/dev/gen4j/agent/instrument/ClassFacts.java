package dev.gen4j.agent.instrument;

/**
 * What the rewrite of a method needs to know of its class.
 *
 * @param name internal name
 * @param sourceFile the SourceFile attribute, or null
 * @param frameVersion class-file version for the frame classes
 * @param methods name + descriptor of every method the class declares
 */
record ClassFacts(String name, String sourceFile, int frameVersion, java.util.Set<String> methods) {
}
