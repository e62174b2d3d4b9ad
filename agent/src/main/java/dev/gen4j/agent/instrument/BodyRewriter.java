package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.YieldSite;
import dev.gen4j.agent.instrument.Snapshot.SavedLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns a generator method's code into its resumable body, in place.
 *
 * <p>The body takes the frame (an instance of the generated frame class) as an extra first
 * argument, in the slot after {@code this}; the original locals move up by one. It starts with a
 * dispatch on {@code frame.state}: 0 copies the arguments out of the frame, k restores what the
 * k-th Yield call saved and jumps back behind it. Each Yield call becomes:
 * <pre>
 *   tmp = value
 *   frame.fields = stack values, live locals
 *   frame.state = k; return tmp          // or: return GenProtocol.delegate(gen, tmp)
 * Ck:                                    // reached from the dispatch's restore code for k
 *   GenProtocol.resumed(gen)             // inside the try blocks: a raise() lands in their catch
 * </pre>
 * and each {@code return x} of the original code becomes {@code return GenProtocol.returned(gen, x)}.
 * Returning the yielded value, rather than storing it, keeps it out of the heap.
 *
 * <p>For debuggers: the dispatch and all restore code come before the body's first line, so they
 * have no source line (a step into a resumed generator stops first at the resumed Yield call,
 * with every local in place), and they are outside every try block. Each local's debug range
 * covers only code where its slot really holds it: not the restore code, not a stretch after a
 * resume where it was not saved because nothing reads it before it is assigned again.
 */
final class BodyRewriter {
    private final MethodNode method;
    private final String frameClass;
    /** The frame parameter, typed Gen: right after this (or 0 in a static method). */
    private final int genLocal;
    /**
     * The same frame, typed as the frame class, in a new local. Two locals because the verifier
     * would load the frame class to check it against Gen, and the class is only defined when
     * the first generator is created, after the host was verified.
     */
    private int frameLocal;
    /** Holds the yielded value (or delegate) while the rest is saved. */
    private int valueLocal;
    /** The dispatch's code for each resume, in state order. */
    private final List<InsnList> restores = new ArrayList<>();

    BodyRewriter(MethodNode method, FrameShape frame) {
        this.method = method;
        this.frameClass = frame.name();
        this.genLocal = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    }

    /** Rewrites the method as {@code plan} says. */
    void rewrite(FramePlan plan) {
        removeFrames();
        shiftLocals();
        markReturns();
        frameLocal = method.maxLocals + 1;
        valueLocal = frameLocal + 1;
        List<LabelNode> resumeLabels = new ArrayList<>();
        for (YieldPlan yield : plan.yields()) {
            resumeLabels.add(replaceYield(yield));
        }
        method.instructions.insert(dispatch(plan.entry(), resumeLabels));
        method.maxLocals += 3;
        LocalRanges.narrow(method);
    }

    /** Stack map frames are recomputed when the class is written. */
    private void removeFrames() {
        for (ListIterator<AbstractInsnNode> it = method.instructions.iterator(); it.hasNext();) {
            if (it.next() instanceof FrameNode) {
                it.remove();
            }
        }
    }

    private void shiftLocals() {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof VarInsnNode) {
                ((VarInsnNode) insn).var = shifted(((VarInsnNode) insn).var);
            } else if (insn instanceof IincInsnNode) {
                ((IincInsnNode) insn).var = shifted(((IincInsnNode) insn).var);
            }
        }
        if (method.localVariables != null) {
            for (LocalVariableNode v : method.localVariables) {
                v.index = shifted(v.index);
            }
        }
        // Type annotations on locals (@NonNull String s) name their slots too.
        for (List<LocalVariableAnnotationNode> annotations : java.util.Arrays.asList(
                method.visibleLocalVariableAnnotations, method.invisibleLocalVariableAnnotations)) {
            if (annotations != null) {
                for (LocalVariableAnnotationNode a : annotations) {
                    a.index.replaceAll(this::shifted);
                }
            }
        }
    }

    /**
     * {@code return x} -> {@code return GenProtocol.returned(gen, x)}, before any code of ours is
     * added; a generator lambda's {@code return;} ends it like {@code return null}.
     */
    private void markReturns() {
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
                loadGen(mark);
                mark.add(new InsnNode(Opcodes.SWAP));
                mark.add(protocolCall(Names.RETURNED, Names.RETURNED_DESC));
                // Stack: ..., x (marked)
                method.instructions.insertBefore(insn, mark);
            }
        }
    }

    private int shifted(int local) {
        return local >= genLocal ? local + 1 : local;
    }

    /** The entry: {@code switch (frame.state)}; state 0 restores the arguments. */
    private InsnList dispatch(Snapshot entry, List<LabelNode> resumeLabels) {
        InsnList code = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode corrupt = new LabelNode();
        code.add(new VarInsnNode(Opcodes.ALOAD, genLocal));
        code.add(new TypeInsnNode(Opcodes.CHECKCAST, frameClass));
        code.add(new VarInsnNode(Opcodes.ASTORE, frameLocal));
        code.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, FrameShape.STATE.name(), FrameShape.STATE.descriptor()));
        // Stack[0]: int state
        List<LabelNode> targets = new ArrayList<>();
        targets.add(start);
        targets.addAll(resumeLabels);
        code.add(new TableSwitchInsnNode(0, targets.size() - 1, corrupt, targets.toArray(new LabelNode[0])));
        code.add(corrupt);
        code.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new LdcInsnNode("corrupt generator state"));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false));
        code.add(new InsnNode(Opcodes.ATHROW));
        for (InsnList restore : restores) {
            code.add(restore);
        }
        code.add(start);
        restoreLocals(code, entry);
        // Falls through into the original code.
        return code;
    }

    /** Replaces a Yield call; returns the label the dispatch jumps to on resume. */
    private LabelNode replaceYield(YieldPlan yield) {
        YieldSite site = yield.site();
        Snapshot snapshot = yield.saved();
        InsnList code = new InsnList();
        // Stack: ..., s0 .. sn-1, [argument]
        if (site.kind() != YieldSite.Kind.NOW) {
            code.add(new VarInsnNode(Opcodes.ASTORE, valueLocal));
        }
        // Stack: ..., s0 .. sn-1
        List<Slot> stack = snapshot.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            saveTopOfStack(code, stack.get(i));
        }
        // Stack: (empty)
        for (SavedLocal l : snapshot.locals()) {
            if (!l.slot().isConstantNull()) {
                loadFrame(code);
                code.add(new VarInsnNode(l.slot().loadOpcode(), shifted(l.local())));
                code.add(putField(l.slot()));
            }
        }
        // Fields this point does not use may still hold values from another point: let them go.
        for (String released : yield.released()) {
            loadFrame(code);
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, released, Slot.Kind.REF.descriptor));
        }
        loadFrame(code);
        code.add(intConstant(yield.state()));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, FrameShape.STATE.name(), FrameShape.STATE.descriptor()));
        switch (site.kind()) {
            case NOW:
                code.add(new InsnNode(Opcodes.ACONST_NULL));
                break;
            case NOW_VALUE:
                code.add(new VarInsnNode(Opcodes.ALOAD, valueLocal));
                break;
            case FROM:
                loadGen(code);
                code.add(new VarInsnNode(Opcodes.ALOAD, valueLocal));
                code.add(protocolCall(Names.DELEGATE, Names.DELEGATE_DESC));
                break;
            default:
                throw new AssertionError(site.kind());
        }
        // Stack: yielded value (or marked delegate)
        code.add(new InsnNode(Opcodes.ARETURN));

        LabelNode restored = new LabelNode();
        code.add(restored);
        // Stack: ..., s0 .. sn-1 (restored by the dispatch)
        loadGen(code);
        code.add(protocolCall(Names.RESUMED, Names.RESUMED_DESC));
        // Stack: ..., s0 .. sn-1, Object received

        InsnList restore = new InsnList();
        LabelNode resume = new LabelNode();
        restore.add(resume);
        restoreLocals(restore, snapshot);
        for (Slot s : stack) {
            // Stack: s0 .. si-1
            loadSlot(restore, s);
        }
        // Stack: s0 .. sn-1
        restore.add(new JumpInsnNode(Opcodes.GOTO, restored));
        restores.add(restore);

        method.instructions.insert(site.call(), code);
        method.instructions.remove(site.call());
        return resume;
    }

    private void restoreLocals(InsnList code, Snapshot snapshot) {
        for (SavedLocal l : snapshot.locals()) {
            loadSlot(code, l.slot());
            code.add(new VarInsnNode(l.slot().storeOpcode(), shifted(l.local())));
        }
    }

    /** Stack: ..., v  ->  ...   (frame.field = v) */
    private void saveTopOfStack(InsnList code, Slot s) {
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

    /** Stack: ...  ->  ..., v   (v = frame.field, cast back to its type) */
    private void loadSlot(InsnList code, Slot s) {
        if (s.isConstantNull()) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            return;
        }
        loadFrame(code);
        code.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, s.field(), s.descriptor()));
        if (s.castTo() != null) {
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, s.castTo()));
        }
    }

    private FieldInsnNode putField(Slot s) {
        return new FieldInsnNode(Opcodes.PUTFIELD, frameClass, s.field(), s.descriptor());
    }

    private void loadFrame(InsnList code) {
        code.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
    }

    private void loadGen(InsnList code) {
        code.add(new VarInsnNode(Opcodes.ALOAD, genLocal));
    }

    private static MethodInsnNode protocolCall(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Names.PROTOCOL, name, descriptor, false);
    }

    static AbstractInsnNode intConstant(int k) {
        if (k <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + k);
        }
        if (k <= Byte.MAX_VALUE) {
            return new org.objectweb.asm.tree.IntInsnNode(Opcodes.BIPUSH, k);
        }
        if (k <= Short.MAX_VALUE) {
            return new org.objectweb.asm.tree.IntInsnNode(Opcodes.SIPUSH, k);
        }
        return new LdcInsnNode(k);
    }
}
