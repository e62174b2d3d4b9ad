package dev.gen4j.samples.evaluator;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.samples.evaluator.Node.BinOp;
import dev.gen4j.samples.evaluator.Node.Num;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The seed's recursion-free visitor. A visit method returns a value, or a generator that yields
 * the child nodes whose values it needs (and is sent each value back) and returns its own value.
 * {@link #visit} runs the generators from a stack it keeps on the heap: a node yielded is pushed,
 * a generator that returns is popped and its value sent to the one below, so the depth of the
 * tree never reaches the Java stack.
 */
public abstract class NodeVisitor {
    /** Python's {@code visit_Number}: a value, or a generator as described above. */
    protected abstract Object visitNum(Num node);

    /** Python's {@code visit_BinOp}: a value, or a generator as described above. */
    protected abstract Object visitBinOp(BinOp node);

    /** Wraps the visit in a generator, whatever it returned: a generator is delegated to. */
    @Generator
    final Gen<Node> genvisit(Node node) {
        Object result = node instanceof BinOp binOp ? visitBinOp(binOp) : visitNum((Num) node);
        if (result instanceof Gen<?> gen) {
            result = Yield.from(gen);
        }
        return Gen.done(result);
    }

    /** Depth-first traversal with a stack of running generators; returns the tree's value. */
    public final Object visit(Node node) {
        Deque<Gen<Node>> stack = new ArrayDeque<>();
        stack.push(genvisit(node));
        Object result = null;
        while (!stack.isEmpty()) {
            Gen<Node> top = stack.peek();
            Node child = top.send(result);
            if (top.isDone()) {
                // Python: StopIteration carrying the generator's value
                stack.pop();
                result = top.result();
            } else {
                stack.push(genvisit(child));
                result = null;
            }
        }
        return result;
    }
}
