package dev.gen4j.agent.instrument;

import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the code of the method the user calls: it runs none of the body, only creates the frame
 * (a not-started generator holding the arguments). Creation goes through an
 * {@code invokedynamic} whose bootstrap defines the frame class from bytes carried in the
 * constant pool, so an instrumented class needs no companion class file.
 * <pre>
 *   return invokedynamic Host~count(this, args...)   // -> new Host~count(this, args...)
 * </pre>
 * It has no source line: the method's lines belong to the body, so a breakpoint on the first
 * line is hit when that line runs, not when the generator is created.
 */
final class FactoryEmitter {
    private static final Handle LINK_FRAME = new Handle(Opcodes.H_INVOKESTATIC, Names.PROTOCOL,
            Names.LINK_FRAME, Names.LINK_FRAME_DESC, false);

    private FactoryEmitter() {
    }

    /**
     * @param frame the frame class to create
     * @param frameClassBytes its class file, carried in the bootstrap's arguments
     * @param lambda whether the method is a generator lambda's: it returns nothing, and hands the
     *     frame to Gen.generate instead ({@code GenProtocol.lambdaCreated(frame)})
     */
    static void emit(MethodVisitor mv, FrameShape frame, byte[] frameClassBytes, boolean lambda) {
        mv.visitCode();
        int local = 0;
        if (!frame.isStatic()) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            local = 1;
        }
        for (Type arg : frame.parameters()) {
            mv.visitVarInsn(arg.getOpcode(Opcodes.ILOAD), local);
            local += arg.getSize();
        }
        // Stack: [this], arguments...
        mv.visitInvokeDynamicInsn(simpleName(frame.name()), frame.creationDescriptor(), LINK_FRAME,
                bootstrapArguments(frameClassBytes));
        // Stack: Gen
        if (lambda) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Names.PROTOCOL, Names.LAMBDA_CREATED, Names.LAMBDA_CREATED_DESC,
                    false);
            mv.visitInsn(Opcodes.RETURN);
        } else {
            mv.visitInsn(Opcodes.ARETURN);
        }
        mv.visitMaxs(0, 0);
    }

    /** Replaces the code of a method that cannot be instrumented: calling it throws the reason. */
    static void emitRefusal(MethodVisitor mv, String message) {
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn(message);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitMaxs(0, 0);
    }

    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** The protocol version, then the frame class's bytes in constants small enough to write. */
    private static Object[] bootstrapArguments(byte[] frameClassBytes) {
        String latin1 = new String(frameClassBytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int chunks = Math.max(1, (latin1.length() + Names.FRAME_BYTES_CHUNK - 1) / Names.FRAME_BYTES_CHUNK);
        Object[] args = new Object[1 + chunks];
        args[0] = Names.PROTOCOL_VERSION;
        for (int i = 0; i < chunks; i++) {
            args[1 + i] = latin1.substring(i * Names.FRAME_BYTES_CHUNK,
                    Math.min(latin1.length(), (i + 1) * Names.FRAME_BYTES_CHUNK));
        }
        return args;
    }
}
