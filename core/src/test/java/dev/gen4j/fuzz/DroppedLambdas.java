package dev.gen4j.fuzz;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Recognises the instrumenter's refusal of a generator lambda that javac wrote but no code can
 * reach: in a branch javac dropped (a constant condition), its lambda method stays while the
 * invokedynamic that named it is gone. A known limitation of the instrumenter, pinned by
 * {@code dev.gen4j.rewrite.GeneratorLambdaInDeadCodeTest}; the fuzzer counts such programs apart
 * instead of failing on them, and tests them again as soon as they are no longer refused.
 */
final class DroppedLambdas {
    private DroppedLambdas() {
    }

    /** Whether every problem names a lambda method of {@code classFile} that no live code creates. */
    static boolean explain(List<String> problems, String className, byte[] classFile) {
        Set<String> unreachable = unreachableLambdas(classFile);
        String prefix = "cannot instrument " + className.replace('$', '.') + ".";
        String nestedPrefix = "cannot instrument " + className + ".";
        for (String problem : problems) {
            if (!problem.contains("outside a @Generator method")) {
                return false;
            }
            String rest = problem.startsWith(nestedPrefix) ? problem.substring(nestedPrefix.length())
                    : problem.startsWith(prefix) ? problem.substring(prefix.length()) : null;
            if (rest == null || rest.indexOf('(') < 0 || !unreachable.contains(rest.substring(0, rest.indexOf('(')))) {
                return false;
            }
        }
        return !problems.isEmpty();
    }

    /** The lambda methods not created by any method that runs: a fixpoint from the named methods. */
    private static Set<String> unreachableLambdas(byte[] classFile) {
        ClassNode c = new ClassNode();
        new ClassReader(classFile).accept(c, ClassReader.SKIP_FRAMES);
        Set<String> live = new HashSet<>();
        Set<String> lambdas = new HashSet<>();
        for (MethodNode m : c.methods) {
            (m.name.startsWith("lambda$") ? lambdas : live).add(m.name);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MethodNode m : c.methods) {
                if (!live.contains(m.name)) {
                    continue;
                }
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof InvokeDynamicInsnNode indy) {
                        for (Object arg : indy.bsmArgs) {
                            if (arg instanceof Handle h && h.getOwner().equals(c.name) && live.add(h.getName())) {
                                grew = true;
                            }
                        }
                    }
                }
            }
        }
        lambdas.removeAll(live);
        return lambdas;
    }
}
