package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.analysis.MethodAnalysis;
import dev.gen4j.agent.analysis.YieldSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The rewrite of one {@code @Generator} method (or generator lambda), step by step: check it can
 * work, move object creations out of the way of yields ({@link ConstructorHoister}), analyze
 * ({@link MethodAnalysis}), plan what each yield saves where ({@link FrameLayout}), fix the frame
 * class's shape ({@link FrameShape}), rewrite the code into the body ({@link BodyRewriter}), write
 * the frame class ({@link FrameClassEmitter}). The caller writes the factory that replaces the
 * original method ({@link FactoryEmitter}).
 */
final class GeneratorMethodRewriter {
    /** What the rewrite produced. */
    record Rewritten(MethodNode body, FrameShape frame, byte[] frameClassBytes) {
    }

    private GeneratorMethodRewriter() {
    }

    /**
     * @param method the original method; its code becomes the body's (the node is consumed)
     * @param frameClass internal name for the method's frame class
     */
    static Rewritten rewrite(ClassFacts host, MethodNode method, String frameClass, ClassHierarchy hierarchy,
            boolean lambda) throws InstrumentationException {
        ErrorSite errors = new ErrorSite(host.name(), method.name, method.desc, host.sourceFile(), firstLine(method));
        try {
            return rewrite(host, method, frameClass, hierarchy, lambda, errors);
        } catch (ClassHierarchy.MissingTypeException e) {
            throw errors.atMethod(Refusals.missingClass(e.typeName().replace('/', '.')));
        }
    }

    private static Rewritten rewrite(ClassFacts host, MethodNode method, String frameClass,
            ClassHierarchy hierarchy, boolean lambda, ErrorSite errors) throws InstrumentationException {
        check(method, errors, lambda);
        ConstructorHoister.hoist(method, errors);
        DoneCalls.routeToProtocol(method);
        MethodAnalysis analysis = analyze(host, method, hierarchy, errors);
        List<YieldSite> sites = analysis.yieldSites();
        for (YieldSite site : sites) {
            checkSite(analysis, site, errors, method);
        }
        FramePlan plan = FrameLayout.plan(hierarchy, host.name(), method, sites);
        FrameShape shape = new FrameShape(host.name(), frameClass, method.desc,
                (method.access & Opcodes.ACC_STATIC) != 0, plan.fields());
        String generatorName = method.name;
        BodyRewriter.rewrite(method, shape, plan);
        turnIntoBody(method, shape, !sites.isEmpty(), host.methods());
        byte[] frameBytes = FrameClassEmitter.emit(host.frameVersion(), shape, plan, generatorName, method.name,
                host.sourceFile());
        return new Rewritten(method, shape, frameBytes);
    }

    private static MethodAnalysis analyze(ClassFacts host, MethodNode method, ClassHierarchy hierarchy,
            ErrorSite errors) throws InstrumentationException {
        try {
            return MethodAnalysis.of(host.name(), method, hierarchy);
        } catch (AnalyzerException e) {
            if (e.getCause() instanceof ClassHierarchy.MissingTypeException missing) {
                throw errors.atMethod(Refusals.missingClass(missing.typeName().replace('/', '.')));
            }
            throw errors.atMethod(Refusals.notAnalyzable(e.getMessage()));
        }
    }

    private static void check(MethodNode method, ErrorSite errors, boolean lambda) throws InstrumentationException {
        Type returnType = Type.getReturnType(method.desc);
        if (!lambda && !returnType.getDescriptor().equals(Names.GEN_DESC)) {
            throw errors.atMethod(Refusals.returnType(returnType.getClassName()));
        }
        if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            throw errors.atMethod(Refusals.noBody());
        }
        // The body takes the frame before the parameters: one slot more than the method.
        int slots = (method.access & Opcodes.ACC_STATIC) != 0 ? 1 : 2;
        for (Type p : Type.getArgumentTypes(method.desc)) {
            slots += p.getSize();
        }
        if (slots > 255) {
            throw errors.atMethod(Refusals.tooManyParameterSlots(slots - 1));
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                throw errors.at(insn, Refusals.subroutines());
            }
        }
    }

    private static void checkSite(MethodAnalysis analysis, YieldSite site, ErrorSite errors, MethodNode method)
            throws InstrumentationException {
        String call = site.kind() == YieldSite.Kind.FROM ? "Yield.from()" : "Yield.now()";
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            throw errors.at(site.line(), Refusals.inSynchronizedMethod(call));
        }
        if (analysis.monitorDepth(site.call()) > 0) {
            throw errors.at(site.line(), Refusals.inSynchronizedBlock(call));
        }
        for (int i = 0; i < site.savedStackSize(); i++) {
            if (site.frame().getStack(i).getType() == null) {
                throw errors.at(site.line(), Refusals.unknownStackValue(call));
            }
        }
    }

    /**
     * Gives the rewritten code the body's signature: {@code method(Gen frame, params) -> Object}.
     * Private, so no method of a subclass or superclass can override it or be dispatched to in
     * its place, and its own frame reaches it through {@link Names#LINK_BODY}. It keeps the
     * generator's name, so stack traces name the user's method; only if the class itself
     * declares a method of that name and descriptor does it take the name {@code method~gen},
     * which no Java method can have. Not synthetic: it holds the user's code, which coverage
     * tools must count.
     */
    private static void turnIntoBody(MethodNode method, FrameShape frame, boolean hasYields, Set<String> taken) {
        method.desc = frame.bodyDescriptor();
        if (taken.contains(method.name + method.desc)) {
            method.name = method.name + Names.BODY_SUFFIX;
        }
        int keep = method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_STRICT
                | (hasYields ? 0 : Opcodes.ACC_SYNCHRONIZED));
        method.access = keep | Opcodes.ACC_PRIVATE;
        method.signature = null;
        method.exceptions = new ArrayList<>();
        method.parameters = null;
        method.visibleAnnotations = null;
        method.invisibleAnnotations = null;
        method.visibleParameterAnnotations = null;
        method.invisibleParameterAnnotations = null;
        method.visibleAnnotableParameterCount = 0;
        method.invisibleAnnotableParameterCount = 0;
        method.visibleTypeAnnotations = null;
        method.invisibleTypeAnnotations = null;
        method.annotationDefault = null;
    }

    static int firstLine(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode) {
                return ((LineNumberNode) insn).line;
            }
        }
        return -1;
    }
}
