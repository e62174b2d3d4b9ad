package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The instructions with which a rewritten body reads and writes its frame. */
final class FrameCode {
    private final FrameShape frame;
    private final BodyLocals locals;

    FrameCode(FrameShape frame, BodyLocals locals) {
        this.frame = frame;
        this.locals = locals;
    }

    BodyLocals locals() {
        return locals;
    }

    /** frame = (Host~count) gen: the frame parameter, typed as the frame class, for its fields */
    void storeFrame(InsnList code) {
        loadGen(code);
        code.add(new TypeInsnNode(Opcodes.CHECKCAST, frame.name()));
        code.add(new VarInsnNode(Opcodes.ASTORE, locals.frame()));
    }

    /** Stack: ...  ->  ..., frame (typed as the frame class) */
    void loadFrame(InsnList code) {
        code.add(new VarInsnNode(Opcodes.ALOAD, locals.frame()));
    }

    /** Stack: ...  ->  ..., frame (typed Gen, as the runtime calls take it) */
    void loadGen(InsnList code) {
        code.add(new VarInsnNode(Opcodes.ALOAD, locals.gen()));
    }

    /** Stack: ..., frame  ->  ..., frame.state */
    FieldInsnNode getState() {
        return new FieldInsnNode(Opcodes.GETFIELD, frame.name(), FrameShape.STATE.name(), FrameShape.STATE.descriptor());
    }

    /** Stack: ..., frame, state  ->  ... */
    FieldInsnNode putState() {
        return new FieldInsnNode(Opcodes.PUTFIELD, frame.name(), FrameShape.STATE.name(), FrameShape.STATE.descriptor());
    }

    /** Stack: ..., frame, v  ->  ...   (frame.field = v) */
    FieldInsnNode putField(Slot s) {
        return new FieldInsnNode(Opcodes.PUTFIELD, frame.name(), s.field(), s.descriptor());
    }

    /** Stack: ..., v  ->  ...   (frame.field = v) */
    void saveTopOfStack(InsnList code, Slot s) {
        if (s.isConstantNull()) {
            code.add(new InsnNode(Opcodes.POP));
            return;
        }
        loadFrame(code);
        if (s.isWide()) {
            // Stack: ..., vv, frame -> ..., frame, vv, frame -> ..., frame, vv
            code.add(new InsnNode(Opcodes.DUP_X2));
            code.add(new InsnNode(Opcodes.POP));
        } else {
            code.add(new InsnNode(Opcodes.SWAP));
        }
        code.add(putField(s));
    }

    /** frame.field = local, for each saved local (a known null needs no field) */
    void saveLocals(InsnList code, Snapshot snapshot) {
        for (Snapshot.SavedLocal l : snapshot.locals()) {
            if (!l.slot().isConstantNull()) {
                loadFrame(code);
                code.add(new VarInsnNode(l.slot().loadOpcode(), locals.shifted(l.local())));
                code.add(putField(l.slot()));
            }
        }
    }

    /** frame.field = null, for an Object field */
    void release(InsnList code, String field) {
        loadFrame(code);
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, frame.name(), field, Slot.Kind.REF.descriptor));
    }

    /** Stack: ...  ->  ..., v   (v = frame.field, cast back to its type) */
    void loadSlot(InsnList code, Slot s) {
        if (s.isConstantNull()) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            return;
        }
        loadFrame(code);
        code.add(new FieldInsnNode(Opcodes.GETFIELD, frame.name(), s.field(), s.descriptor()));
        if (s.castTo() != null) {
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, s.castTo()));
        }
    }

    /** local = frame.field, for each saved local */
    void restoreLocals(InsnList code, Snapshot snapshot) {
        for (Snapshot.SavedLocal l : snapshot.locals()) {
            loadSlot(code, l.slot());
            code.add(new VarInsnNode(l.slot().storeOpcode(), locals.shifted(l.local())));
        }
    }

    /** throw new IllegalStateException(message) */
    static void throwIllegalState(InsnList code, String message) {
        code.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new LdcInsnNode(message));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false));
        code.add(new InsnNode(Opcodes.ATHROW));
    }

    static MethodInsnNode protocolCall(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Names.PROTOCOL, name, descriptor, false);
    }

    /** The shortest instruction that pushes {@code k}. */
    static AbstractInsnNode intConstant(int k) {
        if (k <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + k);
        }
        if (k <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, k);
        }
        if (k <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, k);
        }
        return new LdcInsnNode(k);
    }
}
