/**
 * Ahead-of-time instrumentation of class directories and jars, shared by
 * {@code java -jar gen-agent.jar instrument} and the gen4j Maven plugin: type resolution from a
 * class path (with gen4j's own types bundled), all-or-nothing writes, problems with their source
 * file and line.
 */
package dev.gen4j.agent.aot;
