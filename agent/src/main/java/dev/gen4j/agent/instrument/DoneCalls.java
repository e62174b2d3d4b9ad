package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Points a generator's {@code Gen.done()} and {@code Gen.done(v)} calls at the runtime protocol's
 * ({@link Names#DONE}): same descriptors, same values. The public methods are left to code that was
 * not rewritten, so that they can tell an uninstrumented {@code @Generator} that ends without a
 * yield, which would otherwise just look like an empty generator.
 */
final class DoneCalls {
    private DoneCalls() {
    }

    static void routeToProtocol(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.equals(Names.GEN) && call.name.equals(Names.DONE)
                    && (call.desc.equals(Names.DONE_DESC) || call.desc.equals(Names.DONE_VALUE_DESC))) {
                call.owner = Names.PROTOCOL;
            }
        }
    }
}
