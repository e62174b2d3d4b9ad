package dev.gen4j.agent.instrument;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;

/** Turns a problem at an instruction of one method into an {@link InstrumentationException}. */
final class ErrorSite {
    private final String owner;
    private final String method;
    private final String descriptor;
    private final String sourceFile;
    private final int firstLine;

    ErrorSite(String owner, String method, String descriptor, String sourceFile, int firstLine) {
        this.owner = owner;
        this.method = method;
        this.descriptor = descriptor;
        this.sourceFile = sourceFile;
        this.firstLine = firstLine;
    }

    InstrumentationException at(int line, String problem) {
        return InstrumentationException.at(owner, method, descriptor, sourceFile, line, problem);
    }

    InstrumentationException at(AbstractInsnNode insn, String problem) {
        return at(lineOf(insn), problem);
    }

    InstrumentationException atMethod(String problem) {
        return at(firstLine, problem);
    }

    /** The source line of the instruction: the nearest line number before it. */
    int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn; i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return firstLine;
    }
}
