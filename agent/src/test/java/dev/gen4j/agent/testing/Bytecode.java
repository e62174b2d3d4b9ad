package dev.gen4j.agent.testing;

import dev.gen4j.agent.analysis.ClassHierarchy;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Test support for the passes: small methods written with ASM, instructions as text, and
 * verification of emitted classes. The agent does not link against the runtime, so the one
 * runtime type the verifier must know, {@code dev.gen4j.Gen}, is a stub made here.
 */
public final class Bytecode {
    /** The class the test methods belong to. */
    public static final String HOST = "sample/Host";
    public static final String GEN = "dev/gen4j/Gen";
    public static final String GEN_DESC = "L" + GEN + ";";

    private Bytecode() {
    }

    /**
     * A method of {@link #HOST} with the given code, as a class file holds it: written and read
     * back, so its maximums are computed and its labels are ASM's own.
     */
    public static MethodNode method(int access, String name, String descriptor, Consumer<MethodVisitor> code) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, HOST, null, "java/lang/Object", null);
        MethodVisitor mv = writer.visitMethod(access, name, descriptor, null, null);
        mv.visitCode();
        code.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        ClassNode read = new ClassNode();
        new ClassReader(writer.toByteArray()).accept(read, 0);
        return read.methods.get(0);
    }

    /** {@code Yield.now(value)}: Stack: ..., value -> ..., received */
    public static void yieldNow(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "now", "(Ljava/lang/Object;)Ljava/lang/Object;",
                false);
    }

    /** {@code Yield.now()}: Stack: ... -> ..., received */
    public static void yieldNothing(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "now", "()Ljava/lang/Object;", false);
    }

    /** {@code Yield.from(gen)}: Stack: ..., gen -> ..., result */
    public static void yieldFrom(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/gen4j/Yield", "from", "(Ldev/gen4j/Gen;)Ljava/lang/Object;",
                false);
    }

    /** {@code Gen.done()}, then returns it. */
    public static void returnDone(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, GEN, "done", "()" + GEN_DESC, false);
        mv.visitInsn(Opcodes.ARETURN);
    }

    /** A local variable table entry for {@code index} from {@code start} to {@code end}. */
    public static void local(MethodVisitor mv, String name, String descriptor, Label start, Label end, int index) {
        mv.visitLocalVariable(name, descriptor, null, start, end, index);
    }

    /** The instructions as ASM's Textifier prints them, one line each, labels named L0, L1... in order. */
    public static List<String> listing(InsnList insns) {
        return listingFrom(insns.getFirst());
    }

    /** The listing of the instructions from {@code first} to the end of its list. */
    public static List<String> listingFrom(AbstractInsnNode first) {
        Textifier text = new Textifier();
        TraceMethodVisitor trace = new TraceMethodVisitor(text);
        for (AbstractInsnNode insn = first; insn != null; insn = insn.getNext()) {
            insn.accept(trace);
        }
        List<String> lines = new ArrayList<>();
        for (Object o : text.getText()) {
            for (String line : o.toString().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** The listing without labels, line numbers and frames: only what runs. */
    public static List<String> opcodes(InsnList insns) {
        return opcodesFrom(insns.getFirst());
    }

    /** The opcodes from {@code first} to the end of its list. */
    public static List<String> opcodesFrom(AbstractInsnNode first) {
        List<String> lines = new ArrayList<>();
        for (String line : listingFrom(first)) {
            if (!line.matches("L\\d+") && !line.startsWith("LINENUMBER") && !line.startsWith("FRAME")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Types as the JDK has them, plus the runtime's {@code Gen} (a stub) and {@link #HOST}. */
    public static ClassHierarchy hierarchy() {
        Map<String, byte[]> stubs = stubRuntime();
        ClassHierarchy hierarchy = new ClassHierarchy(name -> stubs.containsKey(name)
                ? new ByteArrayInputStream(stubs.get(name))
                : ClassLoader.getSystemResourceAsStream(name + ".class"));
        hierarchy.declare(new ClassHierarchy.TypeInfo(HOST, "java/lang/Object", new String[0], false, true));
        return hierarchy;
    }

    /** {@code dev.gen4j.Gen} as far as the verifier needs it: an abstract class. */
    public static Map<String, byte[]> stubRuntime() {
        ClassWriter gen = new ClassWriter(0);
        gen.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_SUPER, GEN, null,
                "java/lang/Object", null);
        MethodVisitor init = gen.visitMethod(Opcodes.ACC_PROTECTED, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        gen.visitEnd();
        Map<String, byte[]> stubs = new HashMap<>();
        stubs.put(GEN, gen.toByteArray());
        return stubs;
    }

    /**
     * What ASM's CheckClassAdapter reports for each class (structure, and every method's code
     * by its type-checking verifier), types resolved among the classes themselves, the stub
     * runtime and the JDK; an empty string for a class that verifies.
     *
     * @param classes internal name to class file
     */
    public static Map<String, String> verify(Map<String, byte[]> classes) {
        Map<String, byte[]> all = new HashMap<>(stubRuntime());
        all.putAll(classes);
        ClassLoader loader = new BytesLoader(all);
        Map<String, String> reports = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            StringWriter report = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(c.getValue()), loader, false, new PrintWriter(report));
            reports.put(c.getKey(), report.toString());
        }
        return reports;
    }

    /** Defines the given classes from their bytes, everything else from the JDK. */
    private static final class BytesLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesLoader(Map<String, byte[]> classes) {
            super(ClassLoader.getPlatformClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name.replace('.', '/'));
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
