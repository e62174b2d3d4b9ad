package dev.gen4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body is a generator: it must return {@link Gen} and may call
 * {@link Yield#now()}, {@link Yield#now(Object)} and {@link Yield#from(Gen)}.
 *
 * <p>With the gen4j agent ({@code -javaagent:gen-agent.jar}) or ahead-of-time instrumentation,
 * calling the method runs none of its body: it returns a new, not-started {@link Gen} that
 * holds the arguments (and {@code this}). The body runs as the generator is advanced.
 *
 * <p>Retained at run time so that an uninstrumented call can say precisely what is missing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Generator {
}
