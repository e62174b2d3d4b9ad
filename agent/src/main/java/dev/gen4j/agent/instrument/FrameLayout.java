package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.analysis.YieldSite;
import dev.gen4j.agent.instrument.Snapshot.SavedLocal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Fields are laid out under their kind's names first and renamed once every point is known.
 */
final class FrameLayout {
    /** The source names of the locals each field holds somewhere (null for a nameless value), by kind's name. */
    private final Map<String, Set<String>> heldBy = new HashMap<>();
    private final int[] fieldCount = new int[Slot.Kind.values().length];

    private final ClassHierarchy hierarchy;
    private final String ownerPackage;
    private final MethodNode method;

    private FrameLayout(ClassHierarchy hierarchy, String owner, MethodNode method) {
        this.hierarchy = hierarchy;
        this.ownerPackage = ClassHierarchy.packageOf(owner);
        this.method = method;
    }

    /**
     * Lays out the frame of {@code method}, a method of {@code owner} before its rewrite (its
     * local variable table names the fields), for its Yield calls {@code sites} in instruction order.
     */
    static FramePlan plan(ClassHierarchy hierarchy, String owner, MethodNode method, List<YieldSite> sites) {
        FrameLayout layout = new FrameLayout(hierarchy, owner, method);
        int firstParameter = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Snapshot entry = layout.entry(Type.getArgumentTypes(method.desc), firstParameter);
        List<Snapshot> points = new ArrayList<>();
        for (YieldSite site : sites) {
            points.add(layout.at(site, firstParameter));
        }
        Map<String, String> names = layout.nameFieldsAfterLocals();
        int refFields = layout.fieldCount[Slot.Kind.REF.ordinal()];
        List<YieldPlan> yields = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Snapshot point = points.get(i);
            List<String> released = new ArrayList<>();
            for (int r = refFieldsUsed(point); r < refFields; r++) {
                released.add(names.get(Slot.Kind.REF.prefix + r));
            }
            yields.add(new YieldPlan(i + 1, sites.get(i), renamed(point, names), released));
        }
        return new FramePlan(renamed(entry, names), yields, layout.fields(names));
    }

    /** The arguments, kept by the constructor until the body first runs. */
    private Snapshot entry(Type[] parameters, int firstParameterLocal) {
        int[] used = new int[Slot.Kind.values().length];
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
    private Snapshot at(YieldSite site, int firstParameterLocal) {
        int[] used = new int[Slot.Kind.values().length];
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
        return new Snapshot(locals, stack);
    }

    /**
     * The next free field of the type's kind, under its kind's name.
     *
     * @param sourceName the local's name in the source, or null (a stack value, or no debug info)
     */
    private Slot slot(int[] used, Type type, String sourceName) {
        Slot.Kind kind = Slot.Kind.of(type);
        if (kind == Slot.Kind.REF && type.getSort() == Type.OBJECT && type.getInternalName().equals("null")) {
            return Slot.constantNull();
        }
        String generic = kind.prefix + used[kind.ordinal()]++;
        heldBy.computeIfAbsent(generic, k -> new HashSet<>()).add(sourceName);
        return new Slot(kind, generic, kind == Slot.Kind.REF ? castTarget(type) : null);
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
     * The final name of every field, by its kind's name: the one local it holds at every point,
     * if that name is free (not another field's, not a kind's name such as {@code i1}, not the
     * frame's own {@code state}/{@code self}), else the kind's name.
     */
    private Map<String, String> nameFieldsAfterLocals() {
        Map<String, Integer> wanted = new HashMap<>();
        for (Set<String> held : heldBy.values()) {
            if (held.size() == 1 && !held.contains(null)) {
                wanted.merge(held.iterator().next(), 1, Integer::sum);
            }
        }
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, Set<String>> field : heldBy.entrySet()) {
            Set<String> held = field.getValue();
            String local = held.size() == 1 ? held.iterator().next() : null;
            boolean free = local != null && wanted.get(local) == 1 && !heldBy.containsKey(local)
                    && !local.equals(Names.FRAME_STATE) && !local.equals(Names.FRAME_SELF);
            names.put(field.getKey(), free ? local : field.getKey());
        }
        return names;
    }

    private static Snapshot renamed(Snapshot s, Map<String, String> names) {
        List<SavedLocal> locals = new ArrayList<>();
        for (SavedLocal l : s.locals()) {
            locals.add(new SavedLocal(l.local(), renamed(l.slot(), names)));
        }
        List<Slot> stack = new ArrayList<>();
        for (Slot slot : s.stack()) {
            stack.add(renamed(slot, names));
        }
        return new Snapshot(List.copyOf(locals), List.copyOf(stack));
    }

    private static Slot renamed(Slot s, Map<String, String> names) {
        return s.isConstantNull() ? s : s.named(names.get(s.field()));
    }

    /** How many Object fields a point uses: they are the first ones. */
    private static int refFieldsUsed(Snapshot s) {
        int used = 0;
        for (SavedLocal l : s.locals()) {
            used += l.slot().kind() == Slot.Kind.REF && !l.slot().isConstantNull() ? 1 : 0;
        }
        for (Slot slot : s.stack()) {
            used += slot.kind() == Slot.Kind.REF && !slot.isConstantNull() ? 1 : 0;
        }
        return used;
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

    /** Every field the frame class declares for saved values, by kind then index. */
    private List<FrameShape.Field> fields(Map<String, String> names) {
        List<FrameShape.Field> fields = new ArrayList<>();
        for (Slot.Kind k : Slot.Kind.values()) {
            for (int i = 0; i < fieldCount[k.ordinal()]; i++) {
                fields.add(FrameShape.Field.value(names.get(k.prefix + i), k.descriptor));
            }
        }
        return fields;
    }
}
