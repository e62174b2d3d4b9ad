package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.analysis.YieldSite;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Decides which field of the frame class holds which value at each suspension point. Fields
 * are typed ({@code int i0}, {@code long j0}, {@code Object a0}...) and shared between points:
 * a point uses the first fields of each kind, so the frame has as many fields of a kind as the
 * most demanding point needs. Only live locals are kept, so a suspended generator is small.
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
    record Slot(Kind kind, String field, String castTo) {
        boolean isConstantNull() {
            return field == null;
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

    private final ClassHierarchy hierarchy;
    private final String ownerPackage;
    private final int[] fieldCount = new int[Kind.values().length];

    FrameLayout(ClassHierarchy hierarchy, String owner) {
        this.hierarchy = hierarchy;
        this.ownerPackage = ClassHierarchy.packageOf(owner);
    }

    /** The arguments, kept by the constructor until the body first runs. */
    Snapshot entry(Type[] parameters, int firstParameterLocal) {
        int[] used = new int[Kind.values().length];
        List<SavedLocal> locals = new ArrayList<>();
        int local = firstParameterLocal;
        for (Type p : parameters) {
            locals.add(new SavedLocal(local, slot(used, p)));
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
                locals.add(new SavedLocal(i, slot(used, v.getType())));
            }
        }
        List<Slot> stack = new ArrayList<>();
        for (int i = 0; i < site.savedStackSize(); i++) {
            stack.add(slot(used, site.frame().getStack(i).getType()));
        }
        return finish(locals, stack, used);
    }

    private Snapshot finish(List<SavedLocal> locals, List<Slot> stack, int[] used) {
        for (int k = 0; k < used.length; k++) {
            fieldCount[k] = Math.max(fieldCount[k], used[k]);
        }
        return new Snapshot(locals, stack, used[Kind.REF.ordinal()]);
    }

    private Slot slot(int[] used, Type type) {
        Kind kind = Kind.of(type);
        if (kind == Kind.REF && type.getSort() == Type.OBJECT && type.getInternalName().equals("null")) {
            return new Slot(kind, null, null);
        }
        String field = kind.prefix + used[kind.ordinal()]++;
        return new Slot(kind, field, kind == Kind.REF ? castTarget(type) : null);
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
                fields.add(new String[] {k.prefix + i, k.descriptor});
            }
        }
        return fields;
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
