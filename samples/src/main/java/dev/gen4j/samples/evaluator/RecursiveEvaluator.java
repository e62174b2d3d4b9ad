package dev.gen4j.samples.evaluator;

import dev.gen4j.samples.evaluator.Node.BinOp;
import dev.gen4j.samples.evaluator.Node.Num;

/**
 * The plain visitor of the seed's "death spiral": each operand is a recursive call, so a deep
 * tree overflows the stack ({@link StackOverflowError} here, RecursionError in Python).
 */
public final class RecursiveEvaluator {
    private RecursiveEvaluator() {
    }

    public static Object visit(Node node) {
        if (node instanceof Num num) {
            return num.value();
        }
        BinOp binOp = (BinOp) node;
        Object leftval = visit(binOp.left());
        Object rightval = visit(binOp.right());
        return PyNumbers.apply(binOp.op(), leftval, rightval);
    }
}
