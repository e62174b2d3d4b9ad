/**
 * Not for users: the side of the runtime that instrumented code calls. The Java agent and
 * ahead-of-time instrumentation emit calls to {@link dev.gen4j.runtime.GenProtocol} (the
 * {@code invokedynamic} bootstraps that link frame classes and bodies, and the calls a rewritten
 * body makes at each yield, resume and return) and mark each class they rewrote with
 * {@link dev.gen4j.runtime.GenProtocol.Instrumented}. It is exported so that instrumented classes
 * in any module, or on the class path, link to it; its names and signatures change with
 * {@link dev.gen4j.runtime.GenProtocol#VERSION}, without notice. Write generators with the
 * {@link dev.gen4j} package instead.
 */
package dev.gen4j.runtime;
