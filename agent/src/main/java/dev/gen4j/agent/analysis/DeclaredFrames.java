package dev.gen4j.agent.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * The types the compiler's stack map frames declare at the method's merge points, slot by slot:
 * what the verifier checks the merging values against. The analysis merges types itself, through
 * the class hierarchy; where that needs a class that is absent (an optional dependency not on the
 * class path when instrumenting), it takes the declared type, as the verifier does.
 */
final class DeclaredFrames {
    /** One expanded frame: the declared class of each local slot and stack value, null if none or not a class. */
    private record Declared(String[] locals, String[] stack) {
    }

    private final MethodNode method;
    private final Map<FrameNode, Declared> expanded = new HashMap<>();

    private DeclaredFrames(MethodNode method) {
        this.method = method;
    }

    /** The frames of {@code method} of class {@code owner}, expanded from their compressed form. */
    static DeclaredFrames of(String owner, MethodNode method) {
        DeclaredFrames frames = new DeclaredFrames(method);
        List<Object> locals = initialLocals(owner, method);
        for (AbstractInsnNode insn : method.instructions) {
            if (!(insn instanceof FrameNode f)) {
                continue;
            }
            List<Object> stack = List.of();
            switch (f.type) {
                case Opcodes.F_NEW, Opcodes.F_FULL -> {
                    locals = new ArrayList<>(f.local);
                    stack = f.stack;
                }
                case Opcodes.F_APPEND -> locals.addAll(f.local);
                case Opcodes.F_CHOP -> {
                    for (int i = 0; i < f.local.size() && !locals.isEmpty(); i++) {
                        locals.remove(locals.size() - 1);
                    }
                }
                case Opcodes.F_SAME1 -> stack = f.stack;
                default -> {
                    // F_SAME: the locals as they were, no stack.
                }
            }
            frames.expanded.put(f, new Declared(bySlot(locals), classes(stack)));
        }
        return frames;
    }

    private static List<Object> initialLocals(String owner, MethodNode method) {
        List<Object> locals = new ArrayList<>();
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            locals.add(owner);
        }
        for (Type t : Type.getArgumentTypes(method.desc)) {
            locals.add(t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? t.getInternalName() : Opcodes.TOP);
            if (t.getSize() == 2) {
                locals.set(locals.size() - 1, Opcodes.LONG);
            }
        }
        return locals;
    }

    /** Frame entries to slots: a long or a double takes two. */
    private static String[] bySlot(List<Object> entries) {
        List<String> slots = new ArrayList<>();
        for (Object e : entries) {
            slots.add(e instanceof String s ? s : null);
            if (e == Opcodes.LONG || e == Opcodes.DOUBLE) {
                slots.add(null);
            }
        }
        return slots.toArray(new String[0]);
    }

    private static String[] classes(List<Object> entries) {
        String[] out = new String[entries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = entries.get(i) instanceof String s ? s : null;
        }
        return out;
    }

    /** The frame declared where instruction {@code index} starts (after its labels and line numbers), or null. */
    private Declared at(int index) {
        for (int i = index; i < method.instructions.size(); i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof FrameNode f) {
                return expanded.get(f);
            }
            if (insn.getOpcode() >= 0) {
                return null;
            }
        }
        return null;
    }

    /**
     * A frame of the analysis whose merges fall back to the declared frame's type for a slot
     * whose merge needs a missing class, and tell the hierarchy so.
     */
    static final class Merging extends Frame<BasicValue> {
        private final DeclaredFrames declared;
        private final ClassHierarchy hierarchy;
        /** The analysis's frames, by instruction: to find which instruction this frame is at. */
        private final java.util.function.Supplier<Frame<BasicValue>[]> frames;

        Merging(int locals, int stack, DeclaredFrames declared, ClassHierarchy hierarchy,
                java.util.function.Supplier<Frame<BasicValue>[]> frames) {
            super(locals, stack);
            this.declared = declared;
            this.hierarchy = hierarchy;
            this.frames = frames;
        }

        Merging(Frame<? extends BasicValue> copy, DeclaredFrames declared, ClassHierarchy hierarchy,
                java.util.function.Supplier<Frame<BasicValue>[]> frames) {
            super(copy);
            this.declared = declared;
            this.hierarchy = hierarchy;
            this.frames = frames;
        }

        @Override
        public boolean merge(Frame<? extends BasicValue> incoming, Interpreter<BasicValue> interpreter)
                throws AnalyzerException {
            if (getStackSize() != incoming.getStackSize()) {
                throw new AnalyzerException(null, "Incompatible stack heights");
            }
            boolean changed = false;
            Declared here = null;
            for (int i = 0; i < getLocals(); i++) {
                BasicValue v;
                try {
                    v = interpreter.merge(getLocal(i), incoming.getLocal(i));
                } catch (ClassHierarchy.MissingTypeException missing) {
                    here = here != null ? here : declaredHere(missing);
                    v = fallBack(missing, getLocal(i), incoming.getLocal(i),
                            i < here.locals().length ? here.locals()[i] : null);
                }
                if (!v.equals(getLocal(i))) {
                    setLocal(i, v);
                    changed = true;
                }
            }
            for (int i = 0; i < getStackSize(); i++) {
                BasicValue v;
                try {
                    v = interpreter.merge(getStack(i), incoming.getStack(i));
                } catch (ClassHierarchy.MissingTypeException missing) {
                    here = here != null ? here : declaredHere(missing);
                    v = fallBack(missing, getStack(i), incoming.getStack(i),
                            here.stack().length == getStackSize() ? here.stack()[i] : null);
                }
                if (!v.equals(getStack(i))) {
                    setStack(i, v);
                    changed = true;
                }
            }
            return changed;
        }

        private Declared declaredHere(ClassHierarchy.MissingTypeException missing) {
            Frame<BasicValue>[] all = frames.get();
            for (int i = 0; i < all.length; i++) {
                if (all[i] == this) {
                    Declared d = declared.at(i);
                    if (d != null) {
                        return d;
                    }
                    break;
                }
            }
            throw missing;
        }

        private BasicValue fallBack(ClassHierarchy.MissingTypeException missing, BasicValue a, BasicValue b,
                String declaredType) {
            if (declaredType == null || a.getType() == null || b.getType() == null
                    || !hierarchy.declareCommon(a.getType().getInternalName(), b.getType().getInternalName(),
                            declaredType)) {
                throw missing;
            }
            return new BasicValue(Type.getObjectType(declaredType));
        }
    }
}
