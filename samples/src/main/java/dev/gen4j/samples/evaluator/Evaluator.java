package dev.gen4j.samples.evaluator;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.evaluator.Node.BinOp;
import dev.gen4j.samples.evaluator.Node.Num;

/** The seed's expression evaluator on the generator visitor: it yields nodes instead of recursing. */
public final class Evaluator extends NodeVisitor {
    @Override
    protected Object visitNum(Num node) {
        return node.value();
    }

    /**
     * Returns the generator rather than being it: a {@code @Generator} method overriding this
     * Object-returning method would get a bridge method, which the agent does not yet accept.
     */
    @Override
    protected Object visitBinOp(BinOp node) {
        return binOp(node);
    }

    /** Yields each operand's node and is sent its value back. */
    @Generator
    private Gen<Node> binOp(BinOp node) {
        Object leftval = Yield.now(node.left());
        Object rightval = Yield.now(node.right());
        return Gen.done(PyNumbers.apply(node.op(), leftval, rightval));
    }
}
