package dev.gen4j.agent.instrument;

import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes room for the frame parameter: every local from its slot on moves up by one, in the
 * code, in the local variable table and in the type annotations on locals.
 */
final class LocalShift {
    private LocalShift() {
    }

    static void apply(MethodNode method, BodyLocals locals) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof VarInsnNode) {
                ((VarInsnNode) insn).var = locals.shifted(((VarInsnNode) insn).var);
            } else if (insn instanceof IincInsnNode) {
                ((IincInsnNode) insn).var = locals.shifted(((IincInsnNode) insn).var);
            }
        }
        if (method.localVariables != null) {
            for (LocalVariableNode v : method.localVariables) {
                v.index = locals.shifted(v.index);
            }
        }
        // Type annotations on locals (@NonNull String s) name their slots too.
        for (List<LocalVariableAnnotationNode> annotations : Arrays.asList(
                method.visibleLocalVariableAnnotations, method.invisibleLocalVariableAnnotations)) {
            if (annotations != null) {
                for (LocalVariableAnnotationNode a : annotations) {
                    a.index.replaceAll(locals::shifted);
                }
            }
        }
    }
}
