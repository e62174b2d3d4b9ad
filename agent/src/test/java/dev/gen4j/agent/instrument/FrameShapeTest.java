package dev.gen4j.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame class's names and descriptors, as the factory, the body and the frame class use them. */
class FrameShapeTest {
    private static final List<FrameShape.Field> VALUES = List.of(FrameShape.Field.value("n", "I"),
            FrameShape.Field.value("a0", "Ljava/lang/Object;"));

    @Test
    void aStaticGeneratorsFrameHasNoSelfAndTakesJustTheArguments() {
        FrameShape shape = new FrameShape("sample/Host", "sample/Host~count", "(IJ)Ldev/gen4j/Gen;", true, VALUES);
        assertEquals(List.of(
                new FrameShape.Field(ACC_SYNTHETIC, "state", "I"),
                new FrameShape.Field(ACC_SYNTHETIC, "n", "I"),
                new FrameShape.Field(ACC_SYNTHETIC, "a0", "Ljava/lang/Object;")), shape.fields());
        assertEquals("(IJ)V", shape.constructorDescriptor());
        assertEquals("(IJ)Ldev/gen4j/Gen;", shape.creationDescriptor());
        assertEquals("(Ldev/gen4j/Gen;IJ)Ljava/lang/Object;", shape.bodyDescriptor());
        assertEquals("(Ldev/gen4j/Gen;IJ)Ljava/lang/Object;", shape.bodyCallDescriptor());
    }

    @Test
    void anInstanceGeneratorsFrameKeepsItsHostInAFinalSelfThatComesFirstInEveryCall() {
        FrameShape shape = new FrameShape("sample/Host", "sample/Host~count", "(IJ)Ldev/gen4j/Gen;", false, VALUES);
        assertEquals(List.of(
                new FrameShape.Field(ACC_SYNTHETIC, "state", "I"),
                new FrameShape.Field(ACC_FINAL | ACC_SYNTHETIC, "self", "Lsample/Host;"),
                new FrameShape.Field(ACC_SYNTHETIC, "n", "I"),
                new FrameShape.Field(ACC_SYNTHETIC, "a0", "Ljava/lang/Object;")), shape.fields());
        assertEquals("(Lsample/Host;IJ)V", shape.constructorDescriptor());
        assertEquals("(Lsample/Host;IJ)Ldev/gen4j/Gen;", shape.creationDescriptor());
        // The body is an instance method of the host: its own descriptor does not name the host.
        assertEquals("(Ldev/gen4j/Gen;IJ)Ljava/lang/Object;", shape.bodyDescriptor());
        assertEquals("(Lsample/Host;Ldev/gen4j/Gen;IJ)Ljava/lang/Object;", shape.bodyCallDescriptor());
    }

    @Test
    void aGeneratorLambdasBodyReturnsObjectLikeAnyOther() {
        assertEquals("(Ldev/gen4j/Gen;Ljava/lang/String;)Ljava/lang/Object;",
                FrameShape.bodyDescriptor("(Ljava/lang/String;)V"));
    }
}
