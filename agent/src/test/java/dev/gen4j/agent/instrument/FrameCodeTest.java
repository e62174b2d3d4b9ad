package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.opcodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.InsnList;

class FrameCodeTest {
    @Test
    void statesArePushedWithTheShortestInstructionThatHoldsThem() {
        InsnList code = new InsnList();
        for (int state : new int[] {1, 5, 6, 127, 128, 32_767, 32_768}) {
            code.add(FrameCode.intConstant(state));
        }
        assertEquals(List.of("ICONST_1", "ICONST_5", "BIPUSH 6", "BIPUSH 127", "SIPUSH 128", "SIPUSH 32767",
                "LDC 32768"), opcodes(code));
    }
}
