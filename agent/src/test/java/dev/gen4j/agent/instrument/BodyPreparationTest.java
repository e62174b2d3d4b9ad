package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.local;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.opcodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.TypeReference;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** The steps that ready a generator's code for its suspensions: LocalShift and ReturnMarker. */
class BodyPreparationTest {
    @Test
    void inAnInstanceMethodEveryLocalButThisMovesUpOneSlotForTheFrame() throws Exception {
        MethodNode m = method(0, "g", "(IJ)" + GEN_DESC, mv -> {
            Label start = new Label();
            Label end = new Label();
            mv.visitLabel(start);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitVarInsn(LLOAD, 2);
            mv.visitIincInsn(1, 5);
            mv.visitInsn(POP2);
            mv.visitInsn(POP);
            mv.visitInsn(ARETURN);
            mv.visitLabel(end);
            local(mv, "this", "Lsample/Host;", start, end, 0);
            local(mv, "n", "I", start, end, 1);
            local(mv, "total", "J", start, end, 2);
            mv.visitLocalVariableAnnotation(TypeReference.newTypeReference(TypeReference.LOCAL_VARIABLE).getValue(),
                    (TypePath) null, new Label[] {start}, new Label[] {end}, new int[] {1}, "Lsample/NonNull;", false)
                    .visitEnd();
        });
        Planned p = Planned.of(m);
        LocalShift.apply(m, p.locals());
        assertEquals(List.of("ALOAD 0", "ILOAD 2", "LLOAD 3", "IINC 2 5", "POP2", "POP", "ARETURN"),
                opcodes(m.instructions));
        assertEquals(List.of("this@0", "n@2", "total@3"),
                m.localVariables.stream().map((LocalVariableNode v) -> v.name + "@" + v.index).toList());
        assertEquals(List.of(2), m.invisibleLocalVariableAnnotations.get(0).index);
    }

    @Test
    void inAStaticMethodTheFrameTakesSlotZeroAndEveryLocalMovesUp() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "(I)" + GEN_DESC, mv -> {
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(ISTORE, 1);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        });
        Planned p = Planned.of(m);
        assertEquals(new BodyLocals(0, 3, 4), p.locals());
        LocalShift.apply(m, p.locals());
        assertEquals(List.of("ILOAD 1", "ISTORE 2", "ACONST_NULL", "ARETURN"), opcodes(m.instructions));
    }

    @Test
    void aReturnedValueIsMarkedByTheProtocolBeforeItLeaves() throws Exception {
        MethodNode m = method(ACC_STATIC, "g", "()" + GEN_DESC, mv -> {
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        });
        Planned p = Planned.of(m);
        ReturnMarker.apply(m, p.code());
        assertEquals(List.of("ACONST_NULL", "ALOAD 0", "SWAP",
                "INVOKESTATIC dev/gen4j/runtime/GenProtocol.returned (Ldev/gen4j/Gen;Ljava/lang/Object;)Ljava/lang/Object;",
                "ARETURN"), opcodes(m.instructions));
    }

    @Test
    void aGeneratorLambdasPlainReturnEndsItLikeReturningNull() throws Exception {
        MethodNode m = method(0, "lambda$run$0", "()V", mv -> mv.visitInsn(RETURN));
        Planned p = Planned.of(m);
        ReturnMarker.apply(m, p.code());
        assertEquals(List.of("ACONST_NULL", "ALOAD 1", "SWAP",
                "INVOKESTATIC dev/gen4j/runtime/GenProtocol.returned (Ldev/gen4j/Gen;Ljava/lang/Object;)Ljava/lang/Object;",
                "ARETURN"), opcodes(m.instructions));
    }
}
