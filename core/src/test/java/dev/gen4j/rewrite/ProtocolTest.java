package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.agent.instrument.InstrumentationException;
import dev.gen4j.agent.instrument.Names;
import dev.gen4j.runtime.GenAccess;
import dev.gen4j.runtime.GenProtocol;
import dev.gen4j.testing.Instrumented;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The two sides of the protocol between emitted code and the runtime agree, and a mismatch is caught. */
class ProtocolTest {
    @Test
    void theAgentsNamesAreTheRuntimesMethods() throws Exception {
        assertEquals(GenProtocol.VERSION, Names.PROTOCOL_VERSION);
        assertEquals(Names.PROTOCOL, GenProtocol.class.getName().replace('.', '/'));
        assertEquals("dev.gen4j.runtime", GenProtocol.class.getPackageName(), "the protocol is not in the user's package");
        assertEquals(Names.GEN, Gen.class.getName().replace('.', '/'));
        assertEquals(Names.GEN_BODY, dev.gen4j.GenBody.class.getName().replace('.', '/'));
        assertEquals(Names.YIELD, Yield.class.getName().replace('.', '/'));
        assertEquals(Names.GENERATOR_DESC, descriptor(Generator.class));
        assertEquals(Names.INSTRUMENTED_DESC, descriptor(GenProtocol.Instrumented.class));
        assertEquals(Names.INSTRUMENTED_PROTOCOL, GenProtocol.Instrumented.class.getDeclaredMethods()[0].getName());
        Map<String, String> calls = Map.of(Names.DELEGATE, Names.DELEGATE_DESC, Names.RETURNED, Names.RETURNED_DESC,
                Names.RESUMED, Names.RESUMED_DESC, Names.LINK_FRAME, Names.LINK_FRAME_DESC, Names.LINK_BODY,
                Names.LINK_BODY_DESC, Names.LAMBDA_CREATED, Names.LAMBDA_CREATED_DESC);
        for (Map.Entry<String, String> call : calls.entrySet()) {
            assertTrue(hasPublicStatic(GenProtocol.class, call.getKey(), call.getValue()),
                    "GenProtocol has no public static " + call.getKey() + call.getValue());
        }
        assertTrue(hasPublicStatic(GenProtocol.class, Names.DONE, Names.DONE_DESC));
        assertTrue(hasPublicStatic(GenProtocol.class, Names.DONE, Names.DONE_VALUE_DESC));
        assertTrue(hasPublicStatic(Gen.class, Names.DONE, Names.DONE_DESC));
        assertTrue(hasPublicStatic(Gen.class, Names.DONE, Names.DONE_VALUE_DESC));
        assertTrue(hasMethod(Gen.class, Names.RESUME, Names.RESUME_DESC));
        assertTrue(hasMethod(Gen.class, Names.NAME, Names.NAME_DESC));
        assertTrue(hasPublicStatic(Yield.class, Names.YIELD_NOW, Names.YIELD_NOW_DESC));
        assertTrue(hasPublicStatic(Yield.class, Names.YIELD_NOW, Names.YIELD_NOW_VALUE_DESC));
        assertTrue(hasPublicStatic(Yield.class, Names.YIELD_FROM, Names.YIELD_FROM_DESC));
    }

    @Test
    void anInstrumentedClassCarriesItsProtocolVisiblyAtRunTime() {
        GenProtocol.Instrumented marker = Host.class.getAnnotation(GenProtocol.Instrumented.class);
        assertEquals(GenProtocol.VERSION, marker.protocol());
        assertEquals(null, ProtocolTest.class.getAnnotation(GenProtocol.Instrumented.class), "no generators, no marker");
    }

    static final class Host {
        @Generator
        static Gen<String> one() {
            Yield.now("one");
            return Gen.done();
        }
    }

    @Test
    void aClassInstrumentedForAnotherProtocolFailsAtItsFirstUseWithTheFix() throws Exception {
        Instrumented.Emitted e = Instrumented.instrument(Host.class);
        ClassNode node = new ClassNode();
        new ClassReader(e.host()).accept(node, 0);
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getName().equals(Names.LINK_FRAME)) {
                    indy.bsmArgs[0] = GenProtocol.VERSION + 1;
                }
            }
        }
        ClassWriter w = new ClassWriter(0);
        node.accept(w);
        ClassLoader loader = new Instrumented.ClassesLoader(Map.of(Host.class.getName(), w.toByteArray()),
                getClass().getClassLoader());
        Method one = loader.loadClass(Host.class.getName()).getDeclaredMethod("one");
        one.setAccessible(true);
        Throwable thrown = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> one.invoke(null))
                .getCause();
        while (thrown.getCause() != null && !(thrown instanceof IllegalStateException)) {
            thrown = thrown.getCause();
        }
        String message = thrown.getMessage();
        assertTrue(message.contains("instrumented for gen4j protocol " + (GenProtocol.VERSION + 1)), message);
        assertTrue(message.contains("re-instrument it with gen4j"), message);
    }

    @Test
    void aClassInstrumentedForProtocol3IsRecognisedAndRefusedWithTheFix() throws Exception {
        // Protocol 3 kept its marker in dev.gen4j; the agent still tells such a class apart.
        byte[] marked = withMarker(Instrumented.instrument(Host.class).host(), Names.PROTOCOL_3_INSTRUMENTED_DESC, 3);
        assertTrue(ClassInstrumenter.isInstrumented(marked));
        InstrumentationException e = assertThrows(InstrumentationException.class,
                () -> Instrumented.instrument(marked, getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("was instrumented by another version of gen4j (protocol 3"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn clean"), e.getMessage());
    }

    @Test
    void onlyGenGrantsAccessToItsState() {
        GenAccess impostor = new GenAccess() {
            @Override
            protected Object delegate(Gen<?> frame, Gen<?> delegate) {
                return null;
            }

            @Override
            protected Object returned(Gen<?> frame, Object returned) {
                return null;
            }

            @Override
            protected Object resumed(Gen<?> frame) {
                return null;
            }

            @Override
            protected <T> Gen<T> finished(Object result) {
                return null;
            }

            @Override
            protected void lambdaCreated(Gen<?> frame) {
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GenAccess.grant(impostor));
        assertTrue(e.getMessage().contains("only Gen grants access to its state"), e.getMessage());
    }

    /** The class with its marker replaced by {@code descriptor}, naming {@code protocol}. */
    private static byte[] withMarker(byte[] instrumented, String descriptor, int protocol) {
        ClassNode node = new ClassNode();
        new ClassReader(instrumented).accept(node, 0);
        node.visibleAnnotations.removeIf(a -> a.desc.equals(Names.INSTRUMENTED_DESC));
        org.objectweb.asm.tree.AnnotationNode marker = new org.objectweb.asm.tree.AnnotationNode(descriptor);
        marker.values = new java.util.ArrayList<>(List.of(Names.INSTRUMENTED_PROTOCOL, protocol));
        node.visibleAnnotations.add(marker);
        ClassWriter w = new ClassWriter(0);
        node.accept(w);
        return w.toByteArray();
    }

    private static String descriptor(Class<?> c) {
        return "L" + c.getName().replace('.', '/') + ";";
    }

    private static boolean hasPublicStatic(Class<?> c, String name, String desc) {
        return List.of(c.getDeclaredMethods()).stream().anyMatch(m -> m.getName().equals(name)
                && Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString().equals(desc));
    }

    private static boolean hasMethod(Class<?> c, String name, String desc) {
        return List.of(c.getDeclaredMethods()).stream().anyMatch(m -> m.getName().equals(name)
                && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString().equals(desc));
    }
}
