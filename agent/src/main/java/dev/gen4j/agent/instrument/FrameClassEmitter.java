package dev.gen4j.agent.instrument;

import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the frame class of one generator method: a {@code Gen} subclass whose typed fields
 * keep the body's live values across suspensions, whose constructor takes the arguments, and
 * whose {@code resume()} calls the body.
 * <pre>
 * final class Host~count extends Gen {
 *     int state; Host self; int n; long total; Object a0; ...   // named after the locals they hold (FrameLayout)
 *     Host~count(Host self, int n) { this.self = self; this.n = n; }
 *     protected Object resume() { return invokedynamic count~gen(self, this, 0); }  // Host's private body
 *     protected String name() { return "pkg.Host.count"; }
 * }
 * </pre>
 * The body is private to the host, so the call goes through {@code GenProtocol.linkBody}, which
 * binds it once to exactly that method: no dispatch, no access check per call.
 */
final class FrameClassEmitter {
    private static final Handle LINK_BODY = new Handle(Opcodes.H_INVOKESTATIC, Names.PROTOCOL, Names.LINK_BODY,
            Names.LINK_BODY_DESC, false);

    private FrameClassEmitter() {
    }

    /**
     * @param host the class declaring the generator method
     * @param hostIsInterface whether {@code host} is an interface
     * @param frameClass internal name of the class to write
     * @param method the generator method's name
     * @param body the body method's name
     * @param descriptor the generator method's original descriptor
     * @param isStatic whether the generator method is static
     * @param entry where the constructor puts each argument
     * @param fields every value field (name, descriptor)
     * @param sourceFile the host's source file, so stack traces stay readable
     * @param yieldLines the source line of each yield site, the site of state k at index k - 1 (or -1)
     */
    static byte[] emit(int version, String host, boolean hostIsInterface, String frameClass, String method,
            String body, String descriptor, boolean isStatic, Snapshot entry, List<String[]> fields,
            String sourceFile, int[] yieldLines) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, frameClass, null,
                Names.GEN, null);
        if (sourceFile != null) {
            cw.visitSource(sourceFile, null);
        }
        cw.visitField(Opcodes.ACC_SYNTHETIC, Names.FRAME_STATE, "I", null, null).visitEnd();
        String hostDesc = Type.getObjectType(host).getDescriptor();
        if (!isStatic) {
            cw.visitField(Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, Names.FRAME_SELF, hostDesc, null, null).visitEnd();
        }
        for (String[] f : fields) {
            cw.visitField(Opcodes.ACC_SYNTHETIC, f[0], f[1], null, null).visitEnd();
        }
        constructor(cw, host, frameClass, descriptor, isStatic, entry);
        resume(cw, host, frameClass, body, descriptor, isStatic);
        name(cw, host, method);
        yieldSites(cw, frameClass, sourceFile, yieldLines);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The constructor's descriptor: (Host self, original arguments...) for instance methods. */
    static String constructorDescriptor(String host, String descriptor, boolean isStatic) {
        Type[] args = Type.getArgumentTypes(descriptor);
        StringBuilder d = new StringBuilder("(");
        if (!isStatic) {
            d.append(Type.getObjectType(host).getDescriptor());
        }
        for (Type a : args) {
            d.append(a.getDescriptor());
        }
        return d.append(")V").toString();
    }

    private static void constructor(ClassWriter cw, String host, String frameClass, String descriptor,
            boolean isStatic, Snapshot entry) {
        MethodVisitor mv = cw.visitMethod(0, "<init>", constructorDescriptor(host, descriptor, isStatic), null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.GEN, "<init>", "()V", false);
        if (!isStatic) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, frameClass, Names.FRAME_SELF, Type.getObjectType(host).getDescriptor());
        }
        // The constructor's arguments sit one slot above the method's (its own `this` comes first).
        for (Snapshot.SavedLocal arg : entry.locals()) {
            Slot s = arg.slot();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(s.loadOpcode(), arg.local() + 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, frameClass, s.field(), s.descriptor());
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void resume(ClassWriter cw, String host, String frameClass, String body, String descriptor,
            boolean isStatic) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, Names.RESUME, Names.RESUME_DESC, null, null);
        mv.visitCode();
        String bodyDesc = bodyDescriptor(descriptor);
        if (!isStatic) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, frameClass, Names.FRAME_SELF, Type.getObjectType(host).getDescriptor());
        }
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        // The parameters' slots are filled from the frame by the body itself: pass zeros.
        for (Type p : Type.getArgumentTypes(descriptor)) {
            pushZero(mv, p);
        }
        // Stack: [self], frame, 0...
        String callDesc = isStatic ? bodyDesc : "(" + Type.getObjectType(host).getDescriptor() + bodyDesc.substring(1);
        mv.visitInvokeDynamicInsn(body, callDesc, LINK_BODY, Type.getObjectType(host));
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void pushZero(MethodVisitor mv, Type t) {
        switch (t.getSort()) {
            case Type.LONG: mv.visitInsn(Opcodes.LCONST_0); break;
            case Type.FLOAT: mv.visitInsn(Opcodes.FCONST_0); break;
            case Type.DOUBLE: mv.visitInsn(Opcodes.DCONST_0); break;
            case Type.OBJECT: case Type.ARRAY: mv.visitInsn(Opcodes.ACONST_NULL); break;
            default: mv.visitInsn(Opcodes.ICONST_0); break;
        }
    }

    private static void name(ClassWriter cw, String host, String method) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, Names.NAME, Names.NAME_DESC, null, null);
        mv.visitCode();
        mv.visitLdcInsn(host.replace('/', '.') + "." + method);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    // ---- Where a suspended generator is, for stack traces through Yield.from ----------------

    /**
     * Overrides {@code Gen.sourceFile()} and {@code Gen.suspendedLine()}, which the runtime calls
     * only when an exception passes through a generator suspended in {@code Yield.from}:
     * <pre>
     * protected String sourceFile() { return "Host.java"; }
     * protected int suspendedLine() { switch (state) { case 1: return 12; ... default: return -1; } }
     * </pre>
     */
    private static void yieldSites(ClassWriter cw, String frameClass, String sourceFile, int[] yieldLines) {
        if (sourceFile != null) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, "sourceFile", "()Ljava/lang/String;", null,
                    null);
            mv.visitCode();
            mv.visitLdcInsn(sourceFile);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        if (yieldLines.length == 0) {
            return;
        }
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, "suspendedLine", "()I", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, frameClass, Names.FRAME_STATE, "I");
        Label unknown = new Label();
        Label[] cases = new Label[yieldLines.length];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new Label();
        }
        mv.visitTableSwitchInsn(1, yieldLines.length, unknown, cases);
        for (int i = 0; i < cases.length; i++) {
            mv.visitLabel(cases[i]);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            mv.visitLdcInsn(yieldLines[i]);
            mv.visitInsn(Opcodes.IRETURN);
        }
        mv.visitLabel(unknown);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        mv.visitInsn(Opcodes.ICONST_M1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The body's descriptor: the frame, then the original parameters (so overloads stay apart and
     * the parameters keep their slots), returning the frame (suspended) or the result. The frame
     * is typed Gen: naming the frame class here would make reflection on the host fail before
     * the frame class is defined.
     */
    static String bodyDescriptor(String originalDescriptor) {
        String params = originalDescriptor.substring(1, originalDescriptor.indexOf(')'));
        return "(" + Names.GEN_DESC + params + ")" + Names.BODY_RETURN_DESC;
    }
}
