package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code return x} becomes {@code return GenProtocol.returned(gen, x)}, so the runtime can tell
 * a finished body from a suspended one; a generator lambda's {@code return;} ends it like
 * {@code return null}. Runs before any code of the rewrite is added, which returns on its own terms.
 */
final class ReturnMarker {
    private ReturnMarker() {
    }

    static void apply(MethodNode method, FrameCode code) {
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.RETURN) {
                method.instructions.insertBefore(insn, new InsnNode(Opcodes.ACONST_NULL));
                InsnNode areturn = new InsnNode(Opcodes.ARETURN);
                method.instructions.set(insn, areturn);
                insn = areturn;
            }
            if (insn.getOpcode() == Opcodes.ARETURN) {
                InsnList mark = new InsnList();
                // Stack: ..., x
                code.loadGen(mark);
                mark.add(new InsnNode(Opcodes.SWAP));
                mark.add(FrameCode.protocolCall(Names.RETURNED, Names.RETURNED_DESC));
                // Stack: ..., x (marked)
                method.instructions.insertBefore(insn, mark);
            }
        }
    }
}
