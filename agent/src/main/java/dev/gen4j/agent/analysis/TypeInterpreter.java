package dev.gen4j.agent.analysis;

import dev.gen4j.agent.instrument.Names;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Tracks the precise type of every value (what a restored local must be cast back to),
 * merging reference types through a {@link ClassHierarchy}. Unlike ASM's SimpleVerifier it does
 * not verify: the input is compiler output and only the types are wanted.
 */
final class TypeInterpreter extends BasicInterpreter {
    static final Type NULL_TYPE = Type.getObjectType("null");
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    private final ClassHierarchy hierarchy;

    TypeInterpreter(ClassHierarchy hierarchy) {
        super(Names.ASM_API);
        this.hierarchy = hierarchy;
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index)
            throws AnalyzerException {
        if (insn.getOpcode() == AALOAD) {
            Type t = array.getType();
            if (t != null && t.getSort() == Type.ARRAY) {
                return newValue(Type.getType(t.getDescriptor().substring(1)));
            }
            return newValue(OBJECT);
        }
        return super.binaryOperation(insn, array, index);
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        if (a.equals(b)) {
            return a;
        }
        Type ta = a.getType();
        Type tb = b.getType();
        if (!isReference(ta) || !isReference(tb)) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        if (ta.equals(NULL_TYPE)) {
            return b;
        }
        if (tb.equals(NULL_TYPE)) {
            return a;
        }
        return newValue(commonType(ta, tb));
    }

    private Type commonType(Type a, Type b) {
        if (a.getSort() == Type.ARRAY && b.getSort() == Type.ARRAY) {
            Type ea = Type.getType(a.getDescriptor().substring(1));
            Type eb = Type.getType(b.getDescriptor().substring(1));
            if (isReference(ea) && isReference(eb)) {
                return Type.getType("[" + commonType(ea, eb).getDescriptor());
            }
            return OBJECT;
        }
        if (a.getSort() == Type.ARRAY || b.getSort() == Type.ARRAY) {
            return OBJECT;
        }
        return Type.getObjectType(hierarchy.commonSuperClass(a.getInternalName(), b.getInternalName()));
    }

    private static boolean isReference(Type t) {
        return t != null && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY);
    }
}
