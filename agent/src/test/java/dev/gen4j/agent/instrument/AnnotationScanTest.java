package dev.gen4j.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.agent.analysis.ClassHierarchy;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class AnnotationScanTest {
    @Test
    void classesWithoutTheAnnotationAreRecognisedFromTheirBytes() throws IOException {
        assertFalse(AnnotationScan.mayContainGenerators(bytesOf(String.class)));
        assertFalse(AnnotationScan.mayContainGenerators(bytesOf(ClassHierarchy.class)));
        assertFalse(AnnotationScan.mayContainGenerators(new byte[0]));
    }

    @Test
    void aClassInstrumentedAlreadyIsRecognisedFromItsBytesAndAFreshOneIsNot() throws Exception {
        byte[] fresh = classWithAnnotatedMethod(Names.GENERATOR_DESC);
        assertFalse(AnnotationScan.isMarkedInstrumented(fresh));
        byte[] instrumented = new ClassInstrumenter(ClassHierarchy.of(getClass().getClassLoader())).instrument(fresh)
                .bytes();
        assertTrue(AnnotationScan.isMarkedInstrumented(instrumented));
        assertTrue(ClassInstrumenter.isInstrumented(instrumented));
    }

    @Test
    void aClassWithAGeneratorMethodIsRecognised() {
        assertTrue(AnnotationScan.mayContainGenerators(classWithAnnotatedMethod(Names.GENERATOR_DESC)));
    }

    @Test
    void aClassThatOnlyMentionsTheDescriptorIsParsedButLeftAlone() throws Exception {
        byte[] mentionsOnly = classWithAnnotatedMethod("Lother/Annotation;", Names.GENERATOR_DESC);
        assertTrue(AnnotationScan.mayContainGenerators(mentionsOnly));
        assertNull(new ClassInstrumenter(ClassHierarchy.of(getClass().getClassLoader())).instrument(mentionsOnly));
    }

    @Test
    void aClassThatCreatesAGenBodyMayHoldGeneratorLambdasButOneThatTakesOneDoesNot() {
        byte[] lambdas = ("xxLdev/gen4j/Gen;yy(I)Ldev/gen4j/GenBody;").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(AnnotationScan.mayContainGenerators(lambdas));
        byte[] genOnly = ("xxLdev/gen4j/Gen;yy)Ldev/gen4j/GenBod").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertFalse(AnnotationScan.mayContainGenerators(genOnly));
        // Gen.generate's own descriptor: every program has it, and it holds no generator lambda.
        byte[] takesOne = "(Ldev/gen4j/GenBody;)Ldev/gen4j/Gen;".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertFalse(AnnotationScan.mayContainGenerators(takesOne));
    }

    @Test
    void findsTheNeedleAnywhere() {
        byte[] needle = {1, 2, 3};
        assertTrue(AnnotationScan.indexOf(new byte[] {1, 2, 3}, needle) == 0);
        assertTrue(AnnotationScan.indexOf(new byte[] {0, 1, 2, 1, 2, 3}, needle) == 3);
        assertTrue(AnnotationScan.indexOf(new byte[] {1, 2}, needle) < 0);
    }

    private static byte[] bytesOf(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** A class with one method `m` annotated with the given descriptor, and optionally a string constant. */
    private static byte[] classWithAnnotatedMethod(String annotation, String... constants) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "sample/Scanned", null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_STATIC, "m", "()Ljava/lang/Object;", null, null);
        AnnotationVisitor a = m.visitAnnotation(annotation, true);
        a.visitEnd();
        m.visitCode();
        m.visitLdcInsn(constants.length > 0 ? constants[0] : "x");
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
