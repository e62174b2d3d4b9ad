package dev.gen4j.samples.evaluator;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.evaluator.Node.BinOp;
import dev.gen4j.samples.evaluator.Node.Num;

/**
 * The evaluator written the direct way, each operand evaluated by {@code Yield.from}. In Python
 * this recurses like the plain visitor; with gen4j it does not: the runtime drives a chain of
 * {@code Yield.from} from the heap, so the explicit stack of {@link NodeVisitor} is not needed.
 */
public final class DelegatingEvaluator {
    private DelegatingEvaluator() {
    }

    @Generator
    static Gen<Void> evaluate(Node node) {
        if (node instanceof Num num) {
            return Gen.done(num.value());
        }
        BinOp binOp = (BinOp) node;
        Object leftval = Yield.from(evaluate(binOp.left()));
        Object rightval = Yield.from(evaluate(binOp.right()));
        return Gen.done(PyNumbers.apply(binOp.op(), leftval, rightval));
    }

    /** The tree's value: the generator never yields, it only returns. */
    public static Object visit(Node node) {
        Gen<Void> gen = evaluate(node);
        while (gen.hasNext()) {
            gen.next();
        }
        return gen.result();
    }
}
