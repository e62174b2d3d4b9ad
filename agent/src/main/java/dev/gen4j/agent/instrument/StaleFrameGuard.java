package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The check a redefined generator's body starts with when its frame class was renamed (see
 * {@link FrameNames}). A generator suspended before the redefinition still has the old frame,
 * and its resume now runs this body: without the check, the body's cast of its frame would fail
 * with a {@code ClassCastException}, or worse, resolve the new frame class before it is defined
 * and fail for good with {@code NoClassDefFoundError}, new generators included. The frame's class
 * is compared by name, which resolves nothing. Only redefined code carries it.
 */
final class StaleFrameGuard {
    private StaleFrameGuard() {
    }

    static void prepend(MethodNode body, String frameClass, String message) {
        int frameSlot = BodyLocals.of(body).gen();
        LabelNode current = new LabelNode();
        InsnList guard = new InsnList();
        guard.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        guard.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;"));
        guard.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getName", "()Ljava/lang/String;"));
        guard.add(new LdcInsnNode(frameClass.replace('/', '.')));
        guard.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/String", "equals", "(Ljava/lang/Object;)Z"));
        guard.add(new JumpInsnNode(Opcodes.IFNE, current));
        FrameCode.throwIllegalState(guard, message);
        guard.add(current);
        body.instructions.insert(guard);
    }
}
