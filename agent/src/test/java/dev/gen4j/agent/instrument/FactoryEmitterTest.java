package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.HOST;
import static dev.gen4j.agent.testing.Bytecode.opcodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The code of the method the user calls: it only creates the frame. */
class FactoryEmitterTest {
    @Test
    void anInstanceGeneratorsFactoryPassesThisAndItsArgumentsToTheFramesCreation() {
        FrameShape shape = new FrameShape(HOST, HOST + "~count", "(IJ)Ldev/gen4j/Gen;", false, List.of());
        MethodNode factory = new MethodNode(ASM9, 0, "count", shape.generatorDescriptor(), null, null);
        FactoryEmitter.emit(factory, shape, new byte[] {1, 2, 3}, false);
        List<String> code = opcodes(factory.instructions);
        assertEquals(List.of("ALOAD 0", "ILOAD 1", "LLOAD 2"), code.subList(0, 3));
        assertEquals("ARETURN", code.get(code.size() - 1));
        InvokeDynamicInsnNode creation = indy(factory);
        assertEquals("Host~count", creation.name);
        assertEquals(shape.creationDescriptor(), creation.desc);
        assertEquals(Names.LINK_FRAME, creation.bsm.getName());
        assertEquals(List.of(Names.PROTOCOL_VERSION, "\u0001\u0002\u0003"), Arrays.asList(creation.bsmArgs));
    }

    @Test
    void aGeneratorLambdaHandsItsFrameToTheRuntimeAndReturnsNothing() {
        FrameShape shape = new FrameShape(HOST, HOST + "~lambda$run$0", "()V", true, List.of());
        MethodNode factory = new MethodNode(ASM9, ACC_STATIC, "lambda$run$0", "()V", null, null);
        FactoryEmitter.emit(factory, shape, new byte[1], true);
        List<String> code = opcodes(factory.instructions);
        assertEquals(List.of("INVOKESTATIC dev/gen4j/runtime/GenProtocol.lambdaCreated (Ldev/gen4j/Gen;)V", "RETURN"),
                code.subList(code.size() - 2, code.size()));
    }

    @Test
    void aLargeFrameClassTravelsInChunksThatEachFitInAConstant() {
        byte[] bytes = new byte[Names.FRAME_BYTES_CHUNK * 2 + 10];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        FrameShape shape = new FrameShape(HOST, HOST + "~g", "()Ldev/gen4j/Gen;", true, List.of());
        MethodNode factory = new MethodNode(ASM9, ACC_STATIC, "g", shape.generatorDescriptor(), null, null);
        FactoryEmitter.emit(factory, shape, bytes, false);
        Object[] args = indy(factory).bsmArgs;
        assertEquals(4, args.length);
        StringBuilder joined = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            joined.append((String) args[i]);
        }
        assertEquals(List.of(Names.FRAME_BYTES_CHUNK, Names.FRAME_BYTES_CHUNK, 10),
                Arrays.stream(args).skip(1).map(a -> ((String) a).length()).toList());
        assertArrayEquals(bytes, joined.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRefusedMethodThrowsItsReasonWhenCalled() {
        MethodNode refused = new MethodNode(ASM9, ACC_STATIC, "g", "()Ldev/gen4j/Gen;", null, null);
        FactoryEmitter.emitRefusal(refused, "cannot instrument g");
        assertEquals(List.of("NEW java/lang/IllegalStateException", "DUP", "LDC \"cannot instrument g\"",
                "INVOKESPECIAL java/lang/IllegalStateException.<init> (Ljava/lang/String;)V", "ATHROW"),
                opcodes(refused.instructions));
    }

    private static InvokeDynamicInsnNode indy(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn instanceof InvokeDynamicInsnNode i) {
                return i;
            }
        }
        throw new AssertionError("no invokedynamic");
    }
}
