package dev.gen4j.agent.instrument;

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
     * @param version class-file version to write
     * @param shape the frame class's name, fields and descriptors
     * @param plan what the constructor stores (its entry) and where each yield is (its yields' lines)
     * @param method the generator method's name
     * @param body the body method's name
     * @param sourceFile the host's source file, so stack traces stay readable, or null
     */
    static byte[] emit(int version, FrameShape shape, FramePlan plan, String method, String body, String sourceFile) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, shape.name(), null,
                Names.GEN, null);
        if (sourceFile != null) {
            cw.visitSource(sourceFile, null);
        }
        for (FrameShape.Field f : shape.fields()) {
            cw.visitField(f.access(), f.name(), f.descriptor(), null, null).visitEnd();
        }
        constructor(cw, shape, plan.entry());
        resume(cw, shape, body);
        name(cw, shape.host(), method);
        yieldSites(cw, shape, sourceFile, plan.yields().stream().mapToInt(y -> y.site().line()).toArray());
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw, FrameShape shape, Snapshot entry) {
        MethodVisitor mv = cw.visitMethod(0, "<init>", shape.constructorDescriptor(), null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.GEN, "<init>", "()V", false);
        if (!shape.isStatic()) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            putField(mv, shape, shape.self());
        }
        // The constructor's arguments sit one slot above the method's (its own `this` comes first).
        for (Snapshot.SavedLocal arg : entry.locals()) {
            Slot s = arg.slot();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(s.loadOpcode(), arg.local() + 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, shape.name(), s.field(), s.descriptor());
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void resume(ClassWriter cw, FrameShape shape, String body) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, Names.RESUME, Names.RESUME_DESC, null, null);
        mv.visitCode();
        if (!shape.isStatic()) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            getField(mv, shape, shape.self());
        }
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        // The parameters' slots are filled from the frame by the body itself: pass zeros.
        for (Type p : shape.parameters()) {
            pushZero(mv, p);
        }
        // Stack: [self], frame, 0...
        mv.visitInvokeDynamicInsn(body, shape.bodyCallDescriptor(), LINK_BODY, Type.getObjectType(shape.host()));
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void getField(MethodVisitor mv, FrameShape shape, FrameShape.Field f) {
        mv.visitFieldInsn(Opcodes.GETFIELD, shape.name(), f.name(), f.descriptor());
    }

    private static void putField(MethodVisitor mv, FrameShape shape, FrameShape.Field f) {
        mv.visitFieldInsn(Opcodes.PUTFIELD, shape.name(), f.name(), f.descriptor());
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
    private static void yieldSites(ClassWriter cw, FrameShape shape, String sourceFile, int[] yieldLines) {
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
        getField(mv, shape, FrameShape.STATE);
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
}
