/**
 * Python's generators and coroutines for Java: a {@link dev.gen4j.Generator @Generator} method
 * (or a lambda passed to {@link dev.gen4j.Gen#generate}) suspends at {@link dev.gen4j.Yield#now()}
 * and delegates with {@link dev.gen4j.Yield#from}; the {@link dev.gen4j.Gen} it returns is driven
 * with {@code next}, {@code send}, {@code raise} and {@code close}. {@link dev.gen4j.Async} runs
 * a generator that yields futures as an async function; {@link dev.gen4j.Context} is Python's
 * {@code @contextmanager}.
 *
 * <p>The methods need instrumentation: the Java agent ({@code -javaagent:gen-agent.jar}), the
 * {@code gen4j-maven-plugin}, or {@code java -jar gen-agent.jar instrument}. What instrumented
 * code calls is in {@link dev.gen4j.runtime}, which is not an API.
 */
package dev.gen4j;
