package dev.gen4j.samples.evaluator;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The seed's expression evaluator ("Generators: The Final Frontier", part 7): tokenize, parse,
 * and evaluate the tree with a visitor, printing the value as Python prints it.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates an expression of integers and + - * / without recursion.",
                "Seed: compiler.py. --sum-to N evaluates 0+1+...+(N-1), a tree N deep."})
public class Eval implements Callable<Integer> {
    /** The ways to walk the tree. */
    enum Visitor {
        /** The seed's: generators on an explicit stack. */
        stack(tree -> new Evaluator().visit(tree)),
        /** Yield.from all the way down: gen4j keeps the chain on the heap. */
        delegate(DelegatingEvaluator::visit),
        /** Plain recursion: overflows on deep trees. */
        recursive(RecursiveEvaluator::visit);

        final Function<Node, Object> evaluate;

        Visitor(Function<Node, Object> evaluate) {
            this.evaluate = evaluate;
        }
    }

    @Parameters(paramLabel = "EXPR", arity = "0..1", description = "The expression, e.g. '2 + 3 * 4 - 5'.")
    String expr;

    @Option(names = "--sum-to", paramLabel = "N", description = "Evaluate 0+1+2+...+(N-1) instead of EXPR.")
    Integer sumTo;

    @Option(names = "--visitor", paramLabel = "VISITOR",
            description = "How to walk the tree: stack (the seed's generators on a stack), delegate (Yield.from) or recursive; default: ${DEFAULT-VALUE}.")
    Visitor visitor = Visitor.stack;

    @Spec
    CommandSpec spec;

    /** The seed's '+'.join(str(x) for x in range(n)). */
    static String sumText(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining("+"));
    }

    @Override
    public Integer call() {
        if ((expr == null) == (sumTo == null)) {
            throw new ParameterException(spec.commandLine(), "Give either EXPR or --sum-to N");
        }
        String text = expr != null ? expr : sumText(sumTo);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Node tree = Parser.parse(Tokenizer.tokenize(text));
            out.println(PyNumbers.repr(visitor.evaluate.apply(tree)));
            out.flush();
            return 0;
        } catch (SyntaxError e) {
            err.println("SyntaxError: " + e.getMessage());
        } catch (PyNumbers.PyArithmeticError e) {
            err.println(e);
        } catch (StackOverflowError e) {
            err.println("StackOverflowError: the recursive visitor ran out of stack; the generator visitors do not");
        }
        return 1;
    }
}
