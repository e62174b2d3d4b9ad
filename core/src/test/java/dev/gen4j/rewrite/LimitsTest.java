package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.Gen;
import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.instrument.ClassInstrumenter;
import dev.gen4j.testing.Instrumented;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Generators at the JVM's limits: a method too large once rewritten, a yield with thousands of
 * values waiting on the stack, 255 parameter slots. Built with ASM, as no Java source is needed.
 */
class LimitsTest {
    private static final String HOST = "limits/Host";

    @Test
    void aGeneratorTooLargeOnceRewrittenIsRefusedAloneAndTheOthersStillWork() throws Exception {
        byte[] host = host(cw -> {
            small(cw);
            generator(cw, "huge", "()Ldev/gen4j/Gen;", 11, mv -> {
                for (int k = 0; k < 10; k++) {
                    mv.visitInsn(Opcodes.ICONST_0);
                    mv.visitVarInsn(Opcodes.ISTORE, k);
                }
                // Each yield keeps ten ints alive: small in the original, far beyond 64 KiB rewritten.
                for (int k = 0; k < 2500; k++) {
                    mv.visitIntInsn(Opcodes.SIPUSH, k);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "now", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                    mv.visitInsn(Opcodes.POP);
                    mv.visitIincInsn(k % 10, 1);
                }
                mv.visitVarInsn(Opcodes.ILOAD, 0);
                for (int k = 1; k < 10; k++) {
                    mv.visitVarInsn(Opcodes.ILOAD, k);
                    mv.visitInsn(Opcodes.IADD);
                }
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Gen", "done", "(Ljava/lang/Object;)Ldev/gen4j/Gen;", false);
                mv.visitInsn(Opcodes.ARETURN);
            });
        });
        ClassInstrumenter.Result result = instrument(host);
        assertEquals(1, result.problems().size(), result.problems().toString());
        String problem = result.problems().get(0);
        assertTrue(problem.contains("limits.Host.huge()") && problem.contains("too large") && problem.contains("split it"),
                problem);
        Class<?> c = load(result);
        assertEquals(List.of("small"), ((Gen<?>) c.getMethod("small").invoke(null)).stream().toList());
        Method huge = c.getMethod("huge");
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> huge.invoke(null));
        assertEquals(problem, e.getCause().getMessage());
    }

    @Test
    void aYieldWithThousandsOfValuesOnTheStackGetsAFrameClassBeyondOneConstant() throws Exception {
        int waiting = 5000;
        byte[] host = host(cw -> generator(cw, "deep", "()Ldev/gen4j/Gen;", 1, mv -> {
            for (int k = 0; k < waiting; k++) {
                mv.visitInsn(Opcodes.ICONST_1);
            }
            mv.visitLdcInsn("deep");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "now", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            // Add them all up after the resume: each must come back.
            for (int k = 1; k < waiting; k++) {
                mv.visitInsn(Opcodes.IADD);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Gen", "done", "(Ljava/lang/Object;)Ldev/gen4j/Gen;", false);
            mv.visitInsn(Opcodes.ARETURN);
        }));
        ClassInstrumenter.Result result = instrument(host);
        assertEquals(List.of(), result.problems());
        Instrumented.Emitted emitted = Instrumented.instrument(host, getClass().getClassLoader());
        assertNotNull(emitted);
        byte[] frame = emitted.frames().values().iterator().next();
        assertTrue(frame.length > 65_535, "the frame class should need more than one constant: " + frame.length);
        Gen<?> g = (Gen<?>) load(result).getMethod("deep").invoke(null);
        assertEquals("deep", g.next());
        assertEquals(false, g.hasNext());
        assertEquals(waiting, (int) g.result());
    }

    @Test
    void aGeneratorWhoseParametersFillEverySlotIsRefusedWithWhatToDo() throws Exception {
        String desc = "(" + "I".repeat(255) + ")Ldev/gen4j/Gen;";
        byte[] host = host(cw -> {
            small(cw);
            generator(cw, "wide", desc, 255, mv -> {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Gen", "done", "()Ldev/gen4j/Gen;", false);
                mv.visitInsn(Opcodes.ARETURN);
            });
        });
        ClassInstrumenter.Result result = instrument(host);
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).contains("255 parameter slots"), result.problems().get(0));
        assertTrue(result.problems().get(0).contains("one object (a record)"), result.problems().get(0));
        Class<?> c = load(result);
        assertEquals(List.of("small"), ((Gen<?>) c.getMethod("small").invoke(null)).stream().toList());
    }

    @Test
    void aMergeOfClassesMissingAtInstrumentationTimeTakesTheTypeTheFrameDeclares() throws Exception {
        byte[] host = host(cw -> generator(cw, "merges", "(I)Ldev/gen4j/Gen;", 2, mv -> {
            org.objectweb.asm.Label other = new org.objectweb.asm.Label();
            org.objectweb.asm.Label joined = new org.objectweb.asm.Label();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitJumpInsn(Opcodes.IFEQ, other);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "lib/Thing");
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitJumpInsn(Opcodes.GOTO, joined);
            mv.visitLabel(other);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "lib/Other");
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitLabel(joined);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "now", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Gen", "done", "(Ljava/lang/Object;)Ldev/gen4j/Gen;", false);
            mv.visitInsn(Opcodes.ARETURN);
        }));
        ClassInstrumenter.Result result = new ClassInstrumenter(ClassHierarchy.of(getClass().getClassLoader()))
                .instrument(host);
        // lib.Thing and lib.Other are nowhere; the class's frame at the join declares Object.
        assertEquals(List.of(), result.problems());
        Instrumented.Emitted emitted = Instrumented.emitted(result);
        org.objectweb.asm.tree.ClassNode frame = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(emitted.frames().values().iterator().next()).accept(frame, 0);
        assertTrue(frame.fields.stream().anyMatch(f -> f.desc.equals("Ljava/lang/Object;")),
                frame.fields.stream().map(f -> f.name + " " + f.desc).toList().toString());
    }

    private ClassInstrumenter.Result instrument(byte[] host) throws Exception {
        ClassInstrumenter.Result result = new ClassInstrumenter(ClassHierarchy.of(getClass().getClassLoader()))
                .instrument(host);
        assertNotNull(result);
        Instrumented.Emitted emitted = Instrumented.instrument(host, getClass().getClassLoader());
        Instrumented.verify(emitted, getClass().getClassLoader());
        return result;
    }

    private Class<?> load(ClassInstrumenter.Result result) throws ClassNotFoundException {
        return new Instrumented.ClassesLoader(Map.of("limits.Host", result.bytes()), getClass().getClassLoader())
                .loadClass("limits.Host");
    }

    private static byte[] host(Consumer<ClassWriter> methods) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // The test's classes are not loadable; what the original merges to does not matter.
                return "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, HOST, null, "java/lang/Object", null);
        cw.visitSource("Host.java", null);
        methods.accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void small(ClassWriter cw) {
        generator(cw, "small", "()Ldev/gen4j/Gen;", 0, mv -> {
            mv.visitLdcInsn("small");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "now", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Gen", "done", "()Ldev/gen4j/Gen;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
    }

    private static void generator(ClassWriter cw, String name, String desc, int locals, Consumer<MethodVisitor> code) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, desc, null, null);
        AnnotationVisitor a = mv.visitAnnotation("Ldev/gen4j/Generator;", true);
        a.visitEnd();
        mv.visitCode();
        org.objectweb.asm.Label start = new org.objectweb.asm.Label();
        mv.visitLabel(start);
        mv.visitLineNumber(10, start);
        code.accept(mv);
        mv.visitMaxs(0, locals);
        mv.visitEnd();
    }
}
