package dev.gen4j.agent.instrument;

import static dev.gen4j.agent.testing.Bytecode.GEN_DESC;
import static dev.gen4j.agent.testing.Bytecode.listing;
import static dev.gen4j.agent.testing.Bytecode.method;
import static dev.gen4j.agent.testing.Bytecode.returnDone;
import static dev.gen4j.agent.testing.Bytecode.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

/** The entry switch of a rewritten body. */
class DispatchTest {
    @Test
    void stateZeroRestoresTheArgumentsStateKRunsTheKthRestoreAndAnyOtherStateThrows() throws Exception {
        // static g(int n, String s): Yield.now(s); Yield.now(s); s is read after both.
        MethodNode m = method(ACC_STATIC, "g", "(ILjava/lang/String;)" + GEN_DESC, mv -> {
            for (int i = 0; i < 2; i++) {
                mv.visitVarInsn(ALOAD, 1);
                yieldNow(mv);
                mv.visitInsn(POP);
            }
            mv.visitVarInsn(ALOAD, 1);
            mv.visitInsn(POP);
            returnDone(mv);
        });
        Planned p = Planned.of(m);
        LocalShift.apply(m, p.locals());
        YieldReplacer replacer = new YieldReplacer(m, p.code());
        List<YieldReplacer.Restore> restores = new ArrayList<>();
        for (YieldPlan y : p.plan().yields()) {
            restores.add(replacer.replace(y));
        }
        assertEquals(List.of(
                "ALOAD 0", "CHECKCAST sample/Host~g", "ASTORE 3",
                "ALOAD 3", "GETFIELD sample/Host~g.state : I",
                "TABLESWITCH", "0: L0", "1: L1", "2: L2", "default: L3",
                "L3",
                "NEW java/lang/IllegalStateException", "DUP", "LDC \"corrupt generator state\"",
                "INVOKESPECIAL java/lang/IllegalStateException.<init> (Ljava/lang/String;)V", "ATHROW",
                "L1",
                "ALOAD 3", "GETFIELD sample/Host~g.a0 : Ljava/lang/Object;", "CHECKCAST java/lang/String", "ASTORE 2",
                "GOTO L4",
                "L2",
                "ALOAD 3", "GETFIELD sample/Host~g.a0 : Ljava/lang/Object;", "CHECKCAST java/lang/String", "ASTORE 2",
                "GOTO L5",
                "L0",
                "ALOAD 3", "GETFIELD sample/Host~g.i0 : I", "ISTORE 1",
                "ALOAD 3", "GETFIELD sample/Host~g.a0 : Ljava/lang/Object;", "CHECKCAST java/lang/String", "ASTORE 2"),
                listing(Dispatch.emit(p.code(), p.plan().entry(), restores)));
    }
}
