package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Where one saved value goes: a typed field of the frame class. {@code field} is null for a value
 * known to be null (nothing to keep); {@code castTo} is the type a reference is cast back to on
 * restore, or null for none.
 */
record Slot(Kind kind, String field, String castTo) {
    /** The field kinds: every JVM value type folds into one of them. */
    enum Kind {
        INT("i", "I"), LONG("j", "J"), FLOAT("f", "F"), DOUBLE("d", "D"), REF("a", "Ljava/lang/Object;");

        /** The first letter of the kind's fields ({@code i0}, {@code a1}). */
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

    /** The slot of a value that is always null: restored as {@code aconst_null}, never stored. */
    static Slot constantNull() {
        return new Slot(Kind.REF, null, null);
    }

    boolean isConstantNull() {
        return field == null;
    }

    /** The same slot in the field of another name. */
    Slot named(String name) {
        return new Slot(kind, name, castTo);
    }

    String descriptor() {
        return kind.descriptor;
    }

    boolean isWide() {
        return kind == Kind.LONG || kind == Kind.DOUBLE;
    }

    int loadOpcode() {
        return kind.type().getOpcode(Opcodes.ILOAD);
    }

    int storeOpcode() {
        return kind.type().getOpcode(Opcodes.ISTORE);
    }
}
