package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.HOST;
import static dev.gen4j.agent.testing.Bytecode.local;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.opcodes;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.gen4j.agent.analysis.MethodAnalysis;
import dev.gen4j.agent.testing.Bytecode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/** The frame class written for a plan and a shape. */
class FrameClassEmitterTest {
    private static final String FRAME = HOST + "~count";

    /** An instance generator count(int n, String s) with yields at lines 7 and 9, and its frame class. */
    private final MethodNode generator = method(0, "count", "(ILjava/lang/String;)" + GEN_DESC, mv -> {
        Label start = new Label();
        Label end = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(7, start);
        mv.visitVarInsn(ALOAD, 2);
        yieldNow(mv);
        mv.visitInsn(POP);
        Label second = new Label();
        mv.visitLabel(second);
        mv.visitLineNumber(9, second);
        mv.visitVarInsn(ALOAD, 2);
        yieldNow(mv);
        mv.visitInsn(POP);
        returnDone(mv);
        mv.visitLabel(end);
        local(mv, "this", "L" + HOST + ";", start, end, 0);
        local(mv, "n", "I", start, end, 1);
        local(mv, "s", "Ljava/lang/String;", start, end, 2);
    });
    private final FramePlan plan;
    private final FrameShape shape;
    private final ClassNode frame;
    private final byte[] frameBytes;

    FrameClassEmitterTest() throws Exception {
        plan = FrameLayout.plan(Bytecode.hierarchy(), HOST, generator,
                MethodAnalysis.of(HOST, generator, Bytecode.hierarchy()).yieldSites());
        shape = new FrameShape(HOST, FRAME, generator.desc, false, plan.fields());
        frameBytes = FrameClassEmitter.emit(V17, shape, plan, "count", "count", "Host.java");
        frame = new ClassNode();
        new ClassReader(frameBytes).accept(frame, 0);
    }

    @Test
    void theFrameIsAFinalSyntheticGenWithTheShapesFields() {
        assertEquals(Bytecode.GEN, frame.superName);
        assertEquals(ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, frame.access);
        assertEquals("Host.java", frame.sourceFile);
        List<FrameShape.Field> declared = frame.fields.stream()
                .map((FieldNode f) -> new FrameShape.Field(f.access, f.name, f.desc)).toList();
        assertEquals(shape.fields(), declared);
        assertEquals(List.of("state", "self", "n", "s"), declared.stream().map(FrameShape.Field::name).toList());
    }

    @Test
    void theConstructorStoresTheHostAndEachArgumentInTheEntrysFields() {
        // n is never read: the entry keeps it all the same (the arguments are not analysed).
        assertEquals(List.of(
                "ALOAD 0",
                "INVOKESPECIAL dev/gen4j/Gen.<init> ()V",
                "ALOAD 0", "ALOAD 1", "PUTFIELD sample/Host~count.self : Lsample/Host;",
                "ALOAD 0", "ILOAD 2", "PUTFIELD sample/Host~count.n : I",
                "ALOAD 0", "ALOAD 3", "PUTFIELD sample/Host~count.s : Ljava/lang/Object;",
                "RETURN"), opcodes(frameMethod("<init>").instructions));
        assertEquals("(Lsample/Host;ILjava/lang/String;)V", frameMethod("<init>").desc);
    }

    @Test
    void resumeCallsTheBodyWithTheHostTheFrameAndZerosForTheParameters() {
        List<String> code = opcodes(frameMethod("resume").instructions);
        assertEquals(List.of("ALOAD 0", "GETFIELD sample/Host~count.self : Lsample/Host;", "ALOAD 0", "ICONST_0",
                "ACONST_NULL"), code.subList(0, 5));
        assertTrue(code.get(5).startsWith(
                "INVOKEDYNAMIC count(Lsample/Host;Ldev/gen4j/Gen;ILjava/lang/String;)Ljava/lang/Object; ["),
                code.get(5));
        assertEquals("ARETURN", code.get(code.size() - 1));
    }

    @Test
    void aSuspendedFrameTellsItsSourceLineByItsState() {
        assertEquals(List.of(
                "ALOAD 0", "GETFIELD sample/Host~count.state : I",
                "TABLESWITCH", "1: L0", "2: L1", "default: L2",
                "LDC 7", "IRETURN",
                "LDC 9", "IRETURN",
                "ICONST_M1", "IRETURN"), opcodes(frameMethod("suspendedLine").instructions));
        assertEquals(List.of("LDC \"Host.java\"", "ARETURN"), opcodes(frameMethod("sourceFile").instructions));
        assertEquals(List.of("LDC \"sample.Host.count\"", "ARETURN"), opcodes(frameMethod("name").instructions));
    }

    @Test
    void theFrameClassVerifies() {
        ClassWriter host = new ClassWriter(0);
        host.visit(V17, ACC_PUBLIC | ACC_SUPER, HOST, null, "java/lang/Object", null);
        host.visitEnd();
        Map<String, String> reports = Bytecode.verify(Map.of(FRAME, frameBytes, HOST, host.toByteArray()));
        assertEquals("", reports.get(FRAME));
    }

    private MethodNode frameMethod(String name) {
        return frame.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }
}
