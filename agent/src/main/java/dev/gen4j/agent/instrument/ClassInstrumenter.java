package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.ClassHierarchy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments one class file: the single entry point shared by the agent and the
 * ahead-of-time command.
 *
 * <ol>
 *   <li>{@link AnnotationScan}: no {@code @Generator} in the constant pool, nothing to do.</li>
 *   <li>A survey pass finds the generator methods, refuses a class already instrumented, and
 *       notes Yield calls in methods that are not generators.</li>
 *   <li>The rewrite pass replaces each generator method by a factory and a body
 *       ({@link GeneratorMethodRewriter}); every other method is copied byte for byte.</li>
 * </ol>
 */
public final class ClassInstrumenter {
    /**
     * The outcome for a class that has generators.
     *
     * @param bytes the instrumented class file
     * @param problems what could not be instrumented, one message each (class, method, line,
     *     fix); the methods concerned throw that message when called
     * @param frames the frame class each generator got: what a later redefinition of the class needs
     */
    public record Result(byte[] bytes, List<String> problems, FrameNames frames) {
    }

    private final ClassHierarchy hierarchy;

    public ClassInstrumenter(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * @return the instrumented class, or null if the class has no generators or was
     *     instrumented before
     * @throws InstrumentationException if the class as a whole cannot be written
     */
    public Result instrument(byte[] classFile) throws InstrumentationException {
        return instrumentNaming(classFile, Map.of());
    }

    /**
     * Instruments the new version of a loaded class that is being redefined (HotSwap). A
     * generator keeps its frame class if the frame's shape is the one {@code before} recorded, so
     * generators suspended meanwhile go on in the new code; a generator whose frame changed gets
     * a new frame class (new generators work, suspended ones are told they cannot resume).
     *
     * @param before what the class's last instrumentation named, or null if not known (then every
     *     frame gets a new name)
     * @return as {@link #instrument(byte[])}; or, when the change adds or removes generators (which
     *     the JVM will refuse), a result whose problems say so, with null bytes if none is left
     */
    public Result redefine(byte[] classFile, FrameNames before) throws InstrumentationException {
        Result first = nameFramesAfter(classFile, before);
        if (before == null) {
            return first;
        }
        Set<String> now = first == null ? Set.of() : first.frames().generators();
        String owner = new ClassReader(classFile).getClassName();
        List<String> added = described(owner, now, before.generators());
        List<String> removed = described(owner, before.generators(), now);
        if (added.isEmpty() && removed.isEmpty()) {
            return first;
        }
        List<String> problems = new ArrayList<>(first == null ? List.of() : first.problems());
        problems.add("cannot redefine class " + owner.replace('/', '.') + ": "
                + Refusals.redefinitionChangesGenerators(added, removed));
        return new Result(first == null ? null : first.bytes(), problems,
                first == null ? new FrameNames() : first.frames());
    }

    /** The methods (name + descriptor) of {@code these} not in {@code but}, as "a.Host.m(int)", sorted. */
    private static List<String> described(String owner, Set<String> these, Set<String> but) {
        List<String> out = new ArrayList<>();
        for (String method : these) {
            if (!but.contains(method)) {
                int paren = method.indexOf('(');
                out.add(InstrumentationException.describe(owner, method.substring(0, paren), method.substring(paren)));
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The class instrumented with each frame named as {@code before} named it if its shape is the same. */
    private Result nameFramesAfter(byte[] classFile, FrameNames before) throws InstrumentationException {
        Result first = instrumentNaming(classFile, Map.of());
        if (first == null) {
            return first;
        }
        // Written once under the frames' first names, the class tells each frame's shape; it is
        // written again only if some frame must take another name.
        Map<String, String> renamed = new HashMap<>();
        FrameNames frames = new FrameNames();
        for (String generator : first.frames().generators()) {
            FrameNames.Frame now = first.frames().get(generator);
            FrameNames.Frame then = before == null ? null : before.get(generator);
            String name = then != null && then.shape().equals(now.shape())
                    ? then.name() : FrameNames.redefinedName(now.name(), now.shape());
            if (!name.equals(now.name())) {
                renamed.put(generator, name);
            }
            frames.put(generator, name, now.shape());
        }
        if (renamed.isEmpty()) {
            return first;
        }
        Result again = instrumentNaming(classFile, renamed);
        return new Result(again.bytes(), again.problems(), frames);
    }

    /** @param renamed frame class names to use instead of the first ones, by generator */
    private Result instrumentNaming(byte[] classFile, Map<String, String> renamed) throws InstrumentationException {
        if (!AnnotationScan.mayContainGenerators(classFile)) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        Survey survey = new Survey();
        reader.accept(survey, ClassReader.SKIP_FRAMES);
        if (survey.markedProtocol != null && survey.markedProtocol != Names.PROTOCOL_VERSION) {
            throw new InstrumentationException(Refusals.otherProtocol(survey.name.replace('/', '.'),
                    survey.markedProtocol, Names.PROTOCOL_VERSION));
        }
        if (survey.markedProtocol != null || (survey.generators.isEmpty() && survey.lambdaBodies.isEmpty())) {
            return null;
        }
        hierarchy.declare(new ClassHierarchy.TypeInfo(survey.name, survey.superName, survey.interfaces,
                survey.isInterface(), (survey.access & Opcodes.ACC_PUBLIC) != 0));
        // What this class's frames declare of merges with missing classes stays with this class.
        ClassHierarchy hierarchy = this.hierarchy.forOneClass();

        // Frames are computed for the rewritten methods; the others are copied from `reader`
        // unchanged, unless the class is too old to have frames and must be raised to Java 8.
        boolean raiseVersion = (survey.version & 0xFFFF) < Names.MIN_VERSION;
        // A generator whose rewrite exceeds the JVM's method size is refused on its own, and the
        // class written again: its other generators still work.
        Map<String, String> tooLarge = new HashMap<>();
        while (true) {
            ClassWriter writer = new HierarchyClassWriter(raiseVersion ? null : reader, hierarchy);
            Rewriter rewriter = new Rewriter(writer, hierarchy, survey, raiseVersion, tooLarge, renamed);
            reader.accept(rewriter, 0);
            List<String> problems = new ArrayList<>(survey.strayYields);
            problems.addAll(rewriter.problems);
            try {
                return new Result(writer.toByteArray(), problems, rewriter.frames);
            } catch (MethodTooLargeException e) {
                String generator = rewriter.generatorOfBody.get(e.getMethodName() + e.getDescriptor());
                if (generator == null || tooLarge.containsKey(generator)) {
                    throw new InstrumentationException("cannot instrument " + InstrumentationException.describe(
                            survey.name, e.getMethodName(), e.getDescriptor()) + ": the method is larger than the"
                            + " JVM's 64 KiB limit once rewritten; split it into smaller methods");
                }
                tooLarge.put(generator, rewriter.tooLargeMessage(generator));
            }
        }
    }

    /** First pass: the class's name and shape, its generator methods, stray Yield calls. */
    private static final class Survey extends ClassVisitor {
        final Set<String> generators = new HashSet<>();
        /** Methods that implement a GenBody lambda: rewritten like generators. */
        final Set<String> lambdaBodies = new HashSet<>();
        final Set<String> synthetic = new HashSet<>();
        /** Methods of this class that some invokedynamic of it names (lambda bodies, method references). */
        final Set<String> namedByIndy = new HashSet<>();
        final Set<String> methods = new HashSet<>();
        /** Yield calls outside generator methods, by method: stray unless the method is a generator lambda. */
        final Map<String, List<String>> yieldsOutsideGenerators = new java.util.LinkedHashMap<>();
        final List<String> genBodyProblems = new ArrayList<>();
        final List<String> strayYields = new ArrayList<>();
        String name;
        String superName;
        String[] interfaces;
        String sourceFile;
        int access;
        int version;
        /** The protocol of an earlier instrumentation, or null if the class was never instrumented. */
        Integer markedProtocol;

        Survey() {
            super(Names.ASM_API);
        }

        boolean isInterface() {
            return (access & Opcodes.ACC_INTERFACE) != 0;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.version = version;
            this.access = access;
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces;
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (descriptor.equals(Names.LEGACY_INSTRUMENTED_DESC)) {
                markedProtocol = 2;
            } else if (!Names.isInstrumentedMarker(descriptor)) {
                return null;
            }
            return new AnnotationVisitor(Names.ASM_API) {
                @Override
                public void visit(String element, Object value) {
                    if (element.equals(Names.INSTRUMENTED_PROTOCOL) && value instanceof Integer) {
                        markedProtocol = (Integer) value;
                    }
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            methods.add(method + descriptor);
            if ((access & Opcodes.ACC_SYNTHETIC) != 0) {
                synthetic.add(method + descriptor);
            }
            return new MethodVisitor(Names.ASM_API) {
                private boolean isGenerator;
                private int line = -1;

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    // javac copies the annotation onto the bridge of an overriding generator;
                    // the bridge only calls the generator's factory, so it stays as it is.
                    if (annotation.equals(Names.GENERATOR_DESC) && (access & Opcodes.ACC_BRIDGE) == 0) {
                        isGenerator = true;
                        generators.add(method + descriptor);
                    }
                    return null;
                }

                @Override
                public void visitLineNumber(int number, org.objectweb.asm.Label start) {
                    line = number;
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDesc, org.objectweb.asm.Handle bsm,
                        Object... args) {
                    for (Object arg : args) {
                        if (arg instanceof org.objectweb.asm.Handle h && h.getOwner().equals(name)) {
                            namedByIndy.add(h.getName() + h.getDesc());
                        }
                    }
                    if (bsm.getOwner().equals(Names.LAMBDA_METAFACTORY) && indyDesc.endsWith(")" + Names.GEN_BODY_DESC)
                            && args.length > 1 && args[1] instanceof org.objectweb.asm.Handle impl) {
                        if (impl.getOwner().equals(name) && impl.getDesc().endsWith(")V")) {
                            lambdaBodies.add(impl.getName() + impl.getDesc());
                        } else {
                            genBodyProblems.add(InstrumentationException.at(name, method, descriptor, sourceFile,
                                    line, Refusals.genBodyMethodReference(impl.getOwner().replace('/', '.'),
                                            impl.getName())).getMessage());
                        }
                        return;
                    }
                    for (Object arg : args) {
                        if (arg instanceof org.objectweb.asm.Handle h && h.getOwner().equals(Names.YIELD)) {
                            strayYields.add(InstrumentationException.at(name, method, descriptor, sourceFile, line,
                                    Refusals.yieldMethodReference(h.getName())).getMessage());
                        }
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String calleeDesc,
                        boolean isInterface) {
                    if (!isGenerator && owner.equals(Names.YIELD)) {
                        yieldsOutsideGenerators.computeIfAbsent(method + descriptor, k -> new ArrayList<>()).add(
                                InstrumentationException.at(name, method, descriptor, sourceFile, line,
                                Refusals.yieldOutsideGenerator(callee)).getMessage());
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            // A lambda method of this class that is not synthetic is a method reference's target.
            lambdaBodies.retainAll(synthetic);
            for (Map.Entry<String, List<String>> e : yieldsOutsideGenerators.entrySet()) {
                // A lambda javac left behind in code it dropped (if (false) { ... }) is named by no
                // invokedynamic: it can never run, so its yields are no reason to refuse anything.
                boolean unreachableLambda = synthetic.contains(e.getKey()) && !namedByIndy.contains(e.getKey());
                if (!lambdaBodies.contains(e.getKey()) && !unreachableLambda) {
                    strayYields.addAll(e.getValue());
                }
            }
            strayYields.addAll(genBodyProblems);
        }

        boolean rewrites(String method) {
            return generators.contains(method) || lambdaBodies.contains(method);
        }
    }

    /** Second pass: rewrites the generator methods, marks the class. */
    private final class Rewriter extends ClassVisitor {
        private final Survey survey;
        private final boolean raiseVersion;
        private final Map<String, Integer> frameNamesUsed = new HashMap<>();
        /** Generators (name + descriptor) refused as too large, with their message. */
        private final Map<String, String> tooLarge;
        /** The generator (name + descriptor) of each body written, by the body's name + descriptor. */
        final Map<String, String> generatorOfBody = new HashMap<>();
        private final Map<String, Integer> firstLines = new HashMap<>();
        private final ClassHierarchy hierarchy;
        /** Frame class names to use instead of the first ones (a redefinition's), by generator. */
        private final Map<String, String> renamed;
        final List<String> problems = new ArrayList<>();
        final FrameNames frames = new FrameNames();
        private ClassFacts facts;

        Rewriter(ClassVisitor writer, ClassHierarchy hierarchy, Survey survey, boolean raiseVersion,
                Map<String, String> tooLarge, Map<String, String> renamed) {
            super(Names.ASM_API, writer);
            this.hierarchy = hierarchy;
            this.survey = survey;
            this.raiseVersion = raiseVersion;
            this.tooLarge = tooLarge;
            this.renamed = renamed;
        }

        String tooLargeMessage(String generator) {
            int paren = generator.indexOf('(');
            return InstrumentationException.at(facts.name(), generator.substring(0, paren), generator.substring(paren),
                    facts.sourceFile(), firstLines.getOrDefault(generator, -1), Refusals.tooLarge()).getMessage();
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            int v = raiseVersion ? Names.MIN_VERSION : version;
            facts = new ClassFacts(name, survey.sourceFile, v & 0xFFFF,
                    survey.methods);
            super.visit(v, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if (!survey.rewrites(name + descriptor)) {
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }
            return new MethodNode(Names.ASM_API, access, name, descriptor, signature, exceptions) {
                @Override
                public void visitEnd() {
                    rewriteGenerator(this, survey.lambdaBodies.contains(name + descriptor));
                }
            };
        }

        private void rewriteGenerator(MethodNode original, boolean lambda) {
            MethodNode factory = withoutCode(original);
            String key = original.name + original.desc;
            firstLines.put(key, GeneratorMethodRewriter.firstLine(original));
            String frameClass = renamed.getOrDefault(key, frameClassName(original.name));
            GeneratorMethodRewriter.Rewritten rewritten;
            try {
                if (tooLarge.containsKey(key)) {
                    throw new InstrumentationException(tooLarge.get(key));
                }
                rewritten = GeneratorMethodRewriter.rewrite(facts, original, frameClass, hierarchy, lambda);
            } catch (InstrumentationException e) {
                problems.add(e.getMessage());
                if ((original.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    // No code to replace: the declaration stays as it was, so the type still loads.
                    factory.accept(cv);
                    return;
                }
                factory.accept(new CodeAtEnd(cv.visitMethod(factory.access, factory.name, factory.desc,
                        factory.signature, factory.exceptions.toArray(new String[0])),
                        mv -> FactoryEmitter.emitRefusal(mv, e.getMessage())));
                return;
            }
            factory.accept(new CodeAtEnd(cv.visitMethod(factory.access, factory.name, factory.desc,
                    factory.signature, factory.exceptions.toArray(new String[0])),
                    mv -> FactoryEmitter.emit(mv, rewritten.frame(), rewritten.frameClassBytes(), lambda)));
            if (renamed.containsKey(key)) {
                String generator = InstrumentationException.describe(facts.name(), factory.name, factory.desc);
                StaleFrameGuard.prepend(rewritten.body(), frameClass, Refusals.staleAfterRedefinition(generator));
            }
            generatorOfBody.put(rewritten.body().name + rewritten.body().desc, key);
            frames.put(key, frameClass, FrameNames.shapeOf(rewritten.frameClassBytes()));
            rewritten.body().accept(cv);
        }

        private String frameClassName(String method) {
            String base = facts.name() + Names.FRAME_INFIX + method.replace('<', '_').replace('>', '_');
            int n = frameNamesUsed.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + Names.FRAME_INFIX + n;
        }

        @Override
        public void visitEnd() {
            AnnotationVisitor marker = super.visitAnnotation(Names.INSTRUMENTED_DESC, true);
            if (marker != null) {
                marker.visit(Names.INSTRUMENTED_PROTOCOL, Names.PROTOCOL_VERSION);
                marker.visitEnd();
            }
            super.visitEnd();
        }
    }

    /** A copy of the method's declaration (annotations and all) without its code. */
    private static MethodNode withoutCode(MethodNode m) {
        MethodNode copy = new MethodNode(Names.ASM_API, m.access, m.name, m.desc, m.signature,
                m.exceptions.toArray(new String[0]));
        copy.parameters = m.parameters;
        copy.visibleAnnotations = m.visibleAnnotations;
        copy.invisibleAnnotations = m.invisibleAnnotations;
        copy.visibleTypeAnnotations = m.visibleTypeAnnotations;
        copy.invisibleTypeAnnotations = m.invisibleTypeAnnotations;
        copy.visibleParameterAnnotations = m.visibleParameterAnnotations;
        copy.invisibleParameterAnnotations = m.invisibleParameterAnnotations;
        copy.visibleAnnotableParameterCount = m.visibleAnnotableParameterCount;
        copy.invisibleAnnotableParameterCount = m.invisibleAnnotableParameterCount;
        copy.annotationDefault = m.annotationDefault;
        copy.attrs = m.attrs;
        return copy;
    }

    /** Forwards a code-less method declaration, writing the given code just before its end. */
    private static final class CodeAtEnd extends MethodVisitor {
        private final java.util.function.Consumer<MethodVisitor> code;

        CodeAtEnd(MethodVisitor target, java.util.function.Consumer<MethodVisitor> code) {
            super(Names.ASM_API, target);
            this.code = code;
        }

        @Override
        public void visitEnd() {
            code.accept(mv);
            super.visitEnd();
        }
    }

    /** Resolves common super classes from class-file bytes, never by loading classes. */
    private static final class HierarchyClassWriter extends ClassWriter {
        private final ClassHierarchy hierarchy;

        HierarchyClassWriter(ClassReader reader, ClassHierarchy hierarchy) {
            super(reader, ClassWriter.COMPUTE_FRAMES);
            this.hierarchy = hierarchy;
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            return hierarchy.commonSuperClass(type1, type2);
        }
    }

    /** Whether the class file was instrumented by gen4j (has the marker). */
    public static boolean isInstrumented(byte[] classFile) {
        boolean[] marked = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Names.ASM_API) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                marked[0] |= Names.isInstrumentedMarker(descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return marked[0];
    }
}
