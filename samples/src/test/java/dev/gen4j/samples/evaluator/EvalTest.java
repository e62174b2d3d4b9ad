package dev.gen4j.samples.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen4j.samples.support.CommandRun;
import dev.gen4j.samples.support.Expected;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvalTest {
    /** compiler.tsv: expression (or --sum-to N), what compiler.py printed, the error it ended with. */
    static Stream<Arguments> pythonRuns() {
        return Expected.output("compiler.tsv").lines().map(line -> {
            String[] columns = line.split("\t", -1);
            return Arguments.of(columns[0], columns[1], columns[2]);
        });
    }

    private static String[] args(String testCase, String visitor) {
        return testCase.startsWith("--sum-to ")
                ? new String[] {"--visitor", visitor, "--sum-to", testCase.substring("--sum-to ".length())}
                : new String[] {"--visitor", visitor, testCase};
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pythonRuns")
    void generatorVisitorsPrintWhatCompilerPyPrints(String testCase, String printed, String error) {
        for (String visitor : new String[] {"stack", "delegate"}) {
            CommandRun run = CommandRun.run(new Eval(), args(testCase, visitor));
            if (error.isEmpty()) {
                assertEquals(printed + "\n", run.out(), visitor);
                assertEquals(0, run.exitCode(), visitor);
            } else {
                assertEquals("", run.out(), visitor);
                assertEquals(1, run.exitCode(), visitor);
                assertTrue(run.err().startsWith(error + ": "), visitor + ": " + run.err());
            }
        }
    }

    @Test
    void theTreeOfTheLongSumIsAMillionDeep() {
        Node tree = Parser.parse(Tokenizer.tokenize(Eval.sumText(1_000_000)));
        int depth = 0;
        for (Node n = tree; n instanceof Node.BinOp binOp; n = binOp.left()) {
            depth++;
        }
        assertEquals(999_999, depth);
    }

    /** Runs {@code work} on a fresh thread with the default stack size, as the command runs. */
    private static Object onDefaultStack(Callable<Object> work) throws InterruptedException, ExecutionException {
        FutureTask<Object> task = new FutureTask<>(work);
        new Thread(task).start();
        return task.get();
    }

    @Test
    void recursiveVisitorOverflowsWhereGeneratorVisitorsDoNot() throws Exception {
        Node tree = Parser.parse(Tokenizer.tokenize(Eval.sumText(1_000_000)));
        BigInteger sum = new BigInteger("499999500000");
        assertEquals(sum, onDefaultStack(() -> new Evaluator().visit(tree)));
        assertEquals(sum, onDefaultStack(() -> DelegatingEvaluator.visit(tree)));
        ExecutionException overflow = assertThrows(ExecutionException.class,
                () -> onDefaultStack(() -> RecursiveEvaluator.visit(tree)));
        assertInstanceOf(StackOverflowError.class, overflow.getCause());
    }

    @Test
    void theCommandReportsTheOverflowOfTheRecursiveVisitor() {
        CommandRun run = CommandRun.run(new Eval(), "--visitor", "recursive", "--sum-to", "1000000");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("StackOverflowError"), run.err());
    }

    @Test
    void allVisitorsAgreeOnShallowTrees() {
        Node tree = Parser.parse(Tokenizer.tokenize("2 + 3 * 4 - 5 / 2 + 1000 * 1000"));
        Object expected = new Evaluator().visit(tree);
        assertEquals(1000011.5, expected);
        assertEquals(expected, DelegatingEvaluator.visit(tree));
        assertEquals(expected, RecursiveEvaluator.visit(tree));
    }

    @Test
    void exprAndSumToGoAlone() {
        assertEquals(2, CommandRun.run(new Eval()).exitCode());
        assertEquals(2, CommandRun.run(new Eval(), "1 + 1", "--sum-to", "3").exitCode());
    }

    @Test
    void floatsPrintAsPythonPrintsThem() {
        assertEquals("0.1", PyNumbers.floatRepr(0.1));
        assertEquals("1e+16", PyNumbers.floatRepr(1e16));
        assertEquals("1234567890123456.0", PyNumbers.floatRepr(1234567890123456.0));
        assertEquals("1.5e-05", PyNumbers.floatRepr(1.5e-5));
        assertEquals("-0.0001", PyNumbers.floatRepr(-1e-4));
        assertEquals("-2.5e+100", PyNumbers.floatRepr(-2.5e100));
        assertEquals("inf", PyNumbers.floatRepr(Double.POSITIVE_INFINITY));
    }
}
