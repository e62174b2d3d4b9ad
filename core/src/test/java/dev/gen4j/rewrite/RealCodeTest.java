package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.rewrite.shapes.Hierarchies;
import dev.gen4j.rewrite.shapes.Interfaces;
import dev.gen4j.rewrite.shapes.other.ElsewhereImpl;
import dev.gen4j.testing.Instrumented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Generators where real code puts them: class hierarchies, interfaces, enums, anonymous classes.
 * Each scenario runs twice: on the classes the agent instrumented at load, and on classes
 * instrumented ahead of time and loaded by a fresh class loader.
 */
class RealCodeTest {
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("superTwoLevels", List.of("middle", "base", "middle got b"));
        EXPECTED.put("superThreeLevels", List.of("leaf", "middle", "base", "middle got b", "leaf got m"));
        EXPECTED.put("superFromAnAnonymousSubclass", List.of("anonymous", "middle", "base", "middle got b"));
        EXPECTED.put("superFromAnEnumConstantBody", List.of("MERCURY:", "EARTH:", "Moon"));
        EXPECTED.put("privateSameNameSubclassFirst", List.of("sub 10", "base 2"));
        EXPECTED.put("privateSameNameBaseFirst", List.of("base 1", "sub 2", "base 3"));
        EXPECTED.put("subclassMethodTakingAGen", List.of("one", "two"));
        EXPECTED.put("userMethodShapedLikeABody", List.of("piped", "user pipe"));
        EXPECTED.put("overloadsNextToDollarNames", List.of("a()", "a(2)", "user a$1", "user a$2"));
    }

    private static final Map<String, List<String>> EXPECTED_INTERFACES = new LinkedHashMap<>();

    static {
        EXPECTED_INTERFACES.put("ifaceSuperFromAClass", List.of("HEY", "hello ann", "loud"));
        EXPECTED_INTERFACES.put("ifaceSuperFromASubInterface", List.of("sub", "top", "sub got T"));
        EXPECTED_INTERFACES.put("twoDefaultsResolvedByAPlainMethod", List.of("left", "right", "left"));
        EXPECTED_INTERFACES.put("privateInterfaceGeneratorWithAnImplementorElsewhere", List.of("counting",
                "step 1", "step 2", "elsewhere 1", "counting", "step 1", "counting", "step 1"));
    }

    @TestFactory
    Stream<DynamicTest> everyShapeWorksWithTheAgent() {
        return Stream.concat(scenarios(Hierarchies.class, EXPECTED), scenarios(Interfaces.class, EXPECTED_INTERFACES))
                .map(s -> DynamicTest.dynamicTest(s.name, () -> assertEquals(s.expected, s.run.get())));
    }

    @TestFactory
    Stream<DynamicTest> everyShapeWorksInstrumentedAheadOfTime() throws Exception {
        ClassLoader loader = aheadOfTime(Hierarchies.class, Interfaces.class, ElsewhereImpl.class);
        Class<?> hierarchies = loader.loadClass(Hierarchies.class.getName());
        Class<?> interfaces = loader.loadClass(Interfaces.class.getName());
        assertFalse(hierarchies == Hierarchies.class);
        return Stream.concat(scenarios(hierarchies, EXPECTED), scenarios(interfaces, EXPECTED_INTERFACES))
                .map(s -> DynamicTest.dynamicTest(s.name, () -> assertEquals(s.expected, s.run.get())));
    }

    @Test
    void interfaceBodiesAreNotPublicMethods() {
        assertEquals(List.of("greet[class java.lang.String]", "tail[]"), Interfaces.bodiesOf(Interfaces.Greeter.class));
        assertEquals(List.of("countTo[int]", "twice[interface " + Interfaces.Counter.class.getName() + "]"),
                Interfaces.bodiesOf(Interfaces.Counter.class));
    }

    @Test
    void aProxyOfAnInterfaceWithGeneratorsHandsItsHandlerOnlyTheUsersMethods() {
        List<String> seen = new ArrayList<>();
        Interfaces.Greeter proxy = (Interfaces.Greeter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Interfaces.Greeter.class}, (p, m, args) -> {
                    seen.add(m.getName());
                    return m.getName().equals("greet") ? Gen.of(List.of("proxied")) : "t";
                });
        assertEquals(List.of("proxied"), proxy.greet("x").stream().toList());
        List<String> proxied = new ArrayList<>();
        for (Method m : proxy.getClass().getDeclaredMethods()) {
            if (Arrays.asList(m.getParameterTypes()).contains(Gen.class)) {
                proxied.add(m.toString());
            }
        }
        assertEquals(List.of(), proxied);
        assertEquals(List.of("greet"), seen);
    }

    @Test
    void nothingTheRewriteAddsIsVisibleToSubclassesOrReflectionOnPublicMethods() {
        for (Method m : Hierarchies.Base.class.getMethods()) {
            assertFalse(Arrays.asList(m.getParameterTypes()).contains(Gen.class), m.toString());
        }
    }

    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE_USE)
    @interface Checked {
    }

    static final class TypeUseOnALocal {
        @Generator
        static Gen<String> annotated(int n) {
            @Checked String s = "v" + n;
            Yield.now(s);
            @Checked String t = s + "!";
            Yield.now(t);
            return Gen.done();
        }
    }

    @Test
    void aTypeUseAnnotationOnALocalStillPointsAtThatLocal() throws Exception {
        assertEquals(List.of("v1", "v1!"), TypeUseOnALocal.annotated(1).stream().toList());
        Instrumented.Emitted e = Instrumented.instrument(TypeUseOnALocal.class);
        ClassNode host = new ClassNode();
        new ClassReader(e.host()).accept(host, 0);
        int checked = 0;
        for (MethodNode m : host.methods) {
            if (m.invisibleLocalVariableAnnotations == null) {
                continue;
            }
            for (LocalVariableAnnotationNode a : m.invisibleLocalVariableAnnotations) {
                for (int index : a.index) {
                    String name = null;
                    for (LocalVariableNode v : m.localVariables) {
                        if (v.index == index) {
                            name = v.name;
                        }
                    }
                    assertNotNull(name, "annotation on slot " + index + " of " + m.name + " names no local");
                    assertFalse(name.equals("n"), "annotation moved onto the parameter");
                    checked++;
                }
            }
        }
        assertEquals(2, checked);
        Instrumented.verify(e, getClass().getClassLoader());
    }

    private record Scenario(String name, List<String> expected, Supplier<Object> run) {
    }

    private static Stream<Scenario> scenarios(Class<?> holder, Map<String, List<String>> expected) {
        return expected.entrySet().stream().map(e -> new Scenario(e.getKey(), e.getValue(), () -> {
            try {
                return holder.getMethod(e.getKey()).invoke(null);
            } catch (java.lang.reflect.InvocationTargetException ex) {
                throw new AssertionError(ex.getCause());
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
        }));
    }

    /**
     * A loader defining the given classes and their nest members from bytes instrumented ahead
     * of time (classes without generators as they are), every verified by CheckClassAdapter.
     */
    static ClassLoader aheadOfTime(Class<?>... tops) throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Class<?> top : tops) {
            for (Class<?> c : top.getNestMembers()) {
                byte[] original = Instrumented.originalBytes(c);
                Instrumented.Emitted e = new dev.gen4j.agent.instrument.ClassInstrumenter(
                        dev.gen4j.agent.analysis.ClassHierarchy.of(c.getClassLoader())).instrument(original) == null
                        ? null : Instrumented.instrument(c);
                if (e == null) {
                    classes.put(c.getName(), original);
                } else {
                    assertEquals(List.of(), e.problems(), c.getName());
                    Instrumented.verify(e, c.getClassLoader());
                    classes.put(c.getName(), e.host());
                }
            }
        }
        return new Instrumented.ClassesLoader(classes, RealCodeTest.class.getClassLoader());
    }
}
