package dev.gen4j.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The frame class of one generator method as its host and the runtime see it: its name, its
 * fields, and the descriptors of the calls between host and frame. Every name and descriptor
 * that more than one pass writes is made here, so the factory, the body and the frame class
 * cannot disagree.
 * <pre>
 * final class Host~count extends Gen {
 *     int state; final Host self; int n; Object a0; ...   // self only for an instance method
 *     Host~count(Host self, int n)                          // constructorDescriptor
 * }
 * Object count(Gen frame, int n)                            // the body: bodyDescriptor
 * </pre>
 *
 * @param host internal name of the class declaring the generator method
 * @param name internal name of the frame class
 * @param generatorDescriptor the generator method's own descriptor
 * @param isStatic whether the generator method is static (the frame then has no {@code self})
 * @param valueFields the fields for saved values, as {@link FrameLayout} laid them out
 */
record FrameShape(String host, String name, String generatorDescriptor, boolean isStatic, List<Field> valueFields) {
    /** A field of the frame class. */
    record Field(int access, String name, String descriptor) {
        /** A field for saved values: written and read by the body only. */
        static Field value(String name, String descriptor) {
            return new Field(Opcodes.ACC_SYNTHETIC, name, descriptor);
        }
    }

    /** Where the body resumes: 0 before it first runs, k while suspended at the k-th Yield call. */
    static final Field STATE = new Field(Opcodes.ACC_SYNTHETIC, Names.FRAME_STATE, "I");

    /** The host instance of an instance generator, set by the constructor. */
    Field self() {
        return new Field(Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, Names.FRAME_SELF, hostDescriptor());
    }

    /** Every field the frame class declares: state, self (for an instance method), the value fields. */
    List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        fields.add(STATE);
        if (!isStatic) {
            fields.add(self());
        }
        fields.addAll(valueFields);
        return fields;
    }

    String hostDescriptor() {
        return Type.getObjectType(host).getDescriptor();
    }

    Type[] parameters() {
        return Type.getArgumentTypes(generatorDescriptor);
    }

    /** The constructor's: {@code (Host self, original arguments...)V}, without self for a static method. */
    String constructorDescriptor() {
        StringBuilder d = new StringBuilder("(");
        if (!isStatic) {
            d.append(hostDescriptor());
        }
        for (Type a : parameters()) {
            d.append(a.getDescriptor());
        }
        return d.append(")V").toString();
    }

    /** The factory's invokedynamic that creates the frame: the constructor's arguments, returning Gen. */
    String creationDescriptor() {
        String ctor = constructorDescriptor();
        return ctor.substring(0, ctor.indexOf(')') + 1) + Names.GEN_DESC;
    }

    /** The body method's; see {@link #bodyDescriptor(String)}. */
    String bodyDescriptor() {
        return bodyDescriptor(generatorDescriptor);
    }

    /**
     * The frame's invokedynamic that calls the body: the body's descriptor, with the host
     * instance first for an instance method.
     */
    String bodyCallDescriptor() {
        String body = bodyDescriptor();
        return isStatic ? body : "(" + hostDescriptor() + body.substring(1);
    }

    /**
     * The body's descriptor: the frame, then the original parameters (so overloads stay apart and
     * the parameters keep their slots), returning the frame (suspended) or the result. The frame
     * is typed Gen: naming the frame class here would make reflection on the host fail before
     * the frame class is defined.
     */
    static String bodyDescriptor(String generatorDescriptor) {
        String params = generatorDescriptor.substring(1, generatorDescriptor.indexOf(')'));
        return "(" + Names.GEN_DESC + params + ")" + Names.BODY_RETURN_DESC;
    }
}
