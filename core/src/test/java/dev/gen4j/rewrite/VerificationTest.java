package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.testing.Instrumented;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Every class the rewrite emits passes ASM's verifier, and keeps what debuggers need. */
class VerificationTest {
    @Test
    void everyConstructClassVerifies() throws Exception {
        Instrumented.Emitted e = Instrumented.instrument(ConstructsTest.class);
        assertTrue(e.problems().isEmpty(), e.problems().toString());
        assertTrue(e.frames().size() >= 15, "frame classes: " + e.frames().keySet());
        Instrumented.verify(e, getClass().getClassLoader());
    }

    @Test
    void instrumentingTwiceChangesNothing() throws Exception {
        Instrumented.Emitted once = Instrumented.instrument(ConstructsTest.class);
        assertNull(Instrumented.instrument(once.host(), getClass().getClassLoader()));
    }

    @Test
    void aClassInstrumentedForAnotherProtocolIsRefusedWithTheFix() throws Exception {
        Instrumented.Emitted once = Instrumented.instrument(ConstructsTest.class);
        ClassNode node = new ClassNode();
        new ClassReader(once.host()).accept(node, 0);
        node.visibleAnnotations.stream().filter(a -> a.desc.equals(dev.gen4j.agent.instrument.Names.INSTRUMENTED_DESC))
                .forEach(a -> a.values = new java.util.ArrayList<>(java.util.List.of("protocol", 1)));
        org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
        node.accept(w);
        dev.gen4j.agent.instrument.InstrumentationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.gen4j.agent.instrument.InstrumentationException.class,
                () -> Instrumented.instrument(w.toByteArray(), getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("was instrumented by another version of gen4j (protocol 1"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn clean"), e.getMessage());
    }

    @Test
    void classesWithoutGeneratorsAreNotTouched() throws Exception {
        assertNull(Instrumented.instrument(Instrumented.originalBytes(VerificationTest.class), getClass().getClassLoader()));
    }

    @Test
    void otherMethodsStayByteForByte() throws Exception {
        byte[] original = Instrumented.originalBytes(ConstructsTest.class);
        Instrumented.Emitted e = Instrumented.instrument(ConstructsTest.class);
        Map<String, MethodNode> before = methods(original);
        Map<String, MethodNode> after = methods(e.host());
        for (Map.Entry<String, MethodNode> m : before.entrySet()) {
            if (!after.get(m.getKey()).name.equals("<init>") && isPlain(m.getValue())) {
                assertEquals(code(m.getValue()), code(after.get(m.getKey())), m.getKey());
            }
        }
    }

    @Test
    void bodiesKeepLineNumbersAndLocalVariableNames() throws Exception {
        Instrumented.Emitted e = Instrumented.instrument(ConstructsTest.class);
        ClassNode host = new ClassNode();
        new ClassReader(e.host()).accept(host, 0);
        MethodNode body = host.methods.stream()
                .filter(m -> m.name.equals("tryCatchFinally") && m.desc.startsWith("(Ldev/gen4j/Gen;"))
                .findFirst().orElseThrow();
        assertTrue(body.localVariables.stream().map(v -> v.name).toList().containsAll(java.util.List.of("log", "local")),
                "locals: " + body.localVariables.stream().map(v -> v.name).toList());
        LocalVariableNode local = body.localVariables.stream().filter(v -> v.name.equals("local")).findFirst().orElseThrow();
        assertEquals("I", local.desc);
        assertFalse(GeneratorLines.of(body).isEmpty());
    }

    private static boolean isPlain(MethodNode m) {
        return m.visibleAnnotations == null
                || m.visibleAnnotations.stream().noneMatch(a -> a.desc.equals("Ldev/gen4j/Generator;"));
    }

    private static Map<String, MethodNode> methods(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        Map<String, MethodNode> map = new HashMap<>();
        for (MethodNode m : node.methods) {
            map.put(m.name + m.desc, m);
        }
        return map;
    }

    /** The method as text: every instruction, stack map frame and max, as read from the file. */
    private static String code(MethodNode m) {
        org.objectweb.asm.util.Textifier text = new org.objectweb.asm.util.Textifier();
        m.accept(new org.objectweb.asm.util.TraceMethodVisitor(text));
        StringWriter out = new StringWriter();
        text.print(new PrintWriter(out));
        return out.toString();
    }

    /** Line numbers of a method. */
    static final class GeneratorLines {
        static java.util.List<Integer> of(MethodNode m) {
            java.util.List<Integer> lines = new java.util.ArrayList<>();
            for (var insn : m.instructions) {
                if (insn instanceof org.objectweb.asm.tree.LineNumberNode l) {
                    lines.add(l.line);
                }
            }
            return lines;
        }
    }
}
