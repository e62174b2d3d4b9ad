package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.analysis.YieldSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Decides which field of the frame class holds which value at each suspension point. Fields
 * are typed ({@code int i0}, {@code long j0}, {@code Object a0}...) and shared between points:
 * a point uses the first fields of each kind, so the frame has as many fields of a kind as the
 * most demanding point needs. Only live locals are kept, so a suspended generator is small.
 *
 * <p>A field that holds the same local (by its source name) wherever it is used is named after
 * it, so a debugger showing a suspended generator shows {@code n}, {@code total}; a field shared
 * by several locals, or holding a waiting stack value, keeps its kind's name ({@code i0}).
 */
final class FrameLayout {
    /** The field kinds: every JVM value type folds into one of them. */
    enum Kind {
        INT("i", "I"), LONG("j", "J"), FLOAT("f", "F"), DOUBLE("d", "D"), REF("a", "Ljava/lang/Object;");

        final String prefix;
        final String descriptor;

        Kind(String prefix, String descriptor) {
            this.prefix = prefix;
            this.descriptor = descriptor;
        }

        Type type() {
            return Type.getType(descriptor);
        }

        static Kind of(Type t) {
            switch (t.getSort()) {
                case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                    return INT;
                case Type.LONG: return LONG;
                case Type.FLOAT: return FLOAT;
                case Type.DOUBLE: return DOUBLE;
                default: return REF;
            }
        }
    }

    /**
     * Where one value goes. {@code field} is null for a value known to be null (nothing to keep);
     * {@code castTo} is the type to cast a reference back to on restore, or null for none.
     */
    record Slot(Kind kind, FieldName name, String castTo) {
        boolean isConstantNull() {
            return name == null;
        }

        /** The field's final name (the layout is complete once a name is asked for). */
        String field() {
            return name == null ? null : name.get();
        }

        /** JVM opcode for loading/storing this slot's type, from the int variant. */
        int opcode(int intOpcode) {
            return kind.type().getOpcode(intOpcode);
        }
    }

    /** A local (original numbering) and its slot. */
    record SavedLocal(int local, Slot slot) {
    }

    /** What one suspension point keeps: locals, then stack values from bottom to top. */
    record Snapshot(List<SavedLocal> locals, List<Slot> stack, int refFieldsUsed) {
    }

    /** A field of the frame: named by kind and index until every point is laid out. */
    final class FieldName {
        private final String generic;
        private String name;

        private FieldName(String generic) {
            this.generic = generic;
        }

        String get() {
            nameFieldsAfterLocals();
            return name;
        }
    }

    /** The values a field holds somewhere: local source names, or null for a nameless value. */
    private final Map<String, Set<String>> heldBy = new HashMap<>();
    private final Map<String, FieldName> names = new LinkedHashMap<>();
    private boolean named;

    private final ClassHierarchy hierarchy;
    private final String ownerPackage;
    private final MethodNode method;
    private final int[] fieldCount = new int[Kind.values().length];

    /** @param method the generator method before its rewrite: its local variable table names the fields */
    FrameLayout(ClassHierarchy hierarchy, String owner, MethodNode method) {
        this.hierarchy = hierarchy;
        this.ownerPackage = ClassHierarchy.packageOf(owner);
        this.method = method;
    }

    /** The arguments, kept by the constructor until the body first runs. */
    Snapshot entry(Type[] parameters, int firstParameterLocal) {
        int[] used = new int[Kind.values().length];
        List<SavedLocal> locals = new ArrayList<>();
        int local = firstParameterLocal;
        AbstractInsnNode first = method.instructions.getFirst();
        for (Type p : parameters) {
            locals.add(new SavedLocal(local, slot(used, p, sourceName(local, first))));
            local += p.getSize();
        }
        return finish(locals, List.of(), used);
    }

    /** The live locals and the waiting stack values at a Yield call. */
    Snapshot at(YieldSite site, int firstParameterLocal) {
        int[] used = new int[Kind.values().length];
        List<SavedLocal> locals = new ArrayList<>();
        for (int i = firstParameterLocal; i < site.frame().getLocals(); i++) {
            BasicValue v = site.frame().getLocal(i);
            if (v.getType() != null && site.liveLocals().get(i)) {
                locals.add(new SavedLocal(i, slot(used, v.getType(), sourceName(i, site.call()))));
            }
        }
        List<Slot> stack = new ArrayList<>();
        for (int i = 0; i < site.savedStackSize(); i++) {
            stack.add(slot(used, site.frame().getStack(i).getType(), null));
        }
        return finish(locals, stack, used);
    }

    private Snapshot finish(List<SavedLocal> locals, List<Slot> stack, int[] used) {
        for (int k = 0; k < used.length; k++) {
            fieldCount[k] = Math.max(fieldCount[k], used[k]);
        }
        return new Snapshot(locals, stack, used[Kind.REF.ordinal()]);
    }

    /** @param sourceName the local's name in the source, or null (a stack value, or no debug info) */
    private Slot slot(int[] used, Type type, String sourceName) {
        if (named) {
            throw new IllegalStateException("the frame's fields were named before every point was laid out");
        }
        Kind kind = Kind.of(type);
        if (kind == Kind.REF && type.getSort() == Type.OBJECT && type.getInternalName().equals("null")) {
            return new Slot(kind, null, null);
        }
        String generic = kind.prefix + used[kind.ordinal()]++;
        heldBy.computeIfAbsent(generic, k -> new java.util.HashSet<>()).add(sourceName);
        FieldName name = names.computeIfAbsent(generic, FieldName::new);
        return new Slot(kind, name, kind == Kind.REF ? castTarget(type) : null);
    }

    /** The name of {@code local} in the local variable table where {@code at} runs, or null. */
    private String sourceName(int local, AbstractInsnNode at) {
        if (method.localVariables == null) {
            return null;
        }
        int index = method.instructions.indexOf(at);
        for (LocalVariableNode v : method.localVariables) {
            if (v.index == local && method.instructions.indexOf(v.start) <= index
                    && index < method.instructions.indexOf(v.end)) {
                return v.name;
            }
        }
        return null;
    }

    /**
     * Names each field after the one local it holds at every point, if that name is free: not
     * another field's, not a kind's name ({@code i1}), not the frame's own {@code state}/{@code self}.
     */
    private void nameFieldsAfterLocals() {
        if (named) {
            return;
        }
        named = true;
        Map<String, Integer> wanted = new HashMap<>();
        for (Set<String> held : heldBy.values()) {
            if (held.size() == 1 && !held.contains(null)) {
                wanted.merge(held.iterator().next(), 1, Integer::sum);
            }
        }
        for (FieldName f : names.values()) {
            Set<String> held = heldBy.get(f.generic);
            String local = held.size() == 1 ? held.iterator().next() : null;
            boolean free = local != null && wanted.get(local) == 1 && !names.containsKey(local)
                    && !local.equals(Names.FRAME_STATE) && !local.equals(Names.FRAME_SELF);
            f.name = free ? local : f.generic;
        }
    }

    /** The type a restored reference is cast to: its own, if this class may name it. */
    private String castTarget(Type type) {
        if (type.getSort() == Type.ARRAY) {
            Type element = type.getElementType();
            if (element.getSort() == Type.OBJECT
                    && !hierarchy.accessibleType(element.getInternalName(), ownerPackage).equals(element.getInternalName())) {
                // X[] where X may not be named here: Object[] (same dimensions) still fits.
                return "[".repeat(type.getDimensions()) + "Ljava/lang/Object;";
            }
            return type.getDescriptor();
        }
        if (type.getSort() != Type.OBJECT || type.getInternalName().equals("java/lang/Object")) {
            return null;
        }
        String target = hierarchy.accessibleType(type.getInternalName(), ownerPackage);
        return target.equals("java/lang/Object") ? null : target;
    }

    /** Every field the frame class declares for saved values: name and descriptor. */
    List<String[]> fields() {
        List<String[]> fields = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int i = 0; i < fieldCount[k.ordinal()]; i++) {
                fields.add(new String[] {names.get(k.prefix + i).get(), k.descriptor});
            }
        }
        return fields;
    }

    /** The name of the {@code index}-th Object field. */
    String refField(int index) {
        return names.get(Kind.REF.prefix + index).get();
    }

    /** How many Object fields the frame has (to release those a point does not use). */
    int refFields() {
        return fieldCount[Kind.REF.ordinal()];
    }

    static boolean isWide(Slot s) {
        return s.kind() == Kind.LONG || s.kind() == Kind.DOUBLE;
    }

    static int loadOpcode(Slot s) {
        return s.opcode(Opcodes.ILOAD);
    }

    static int storeOpcode(Slot s) {
        return s.opcode(Opcodes.ISTORE);
    }
}
