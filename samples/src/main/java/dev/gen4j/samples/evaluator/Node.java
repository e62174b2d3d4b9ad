package dev.gen4j.samples.evaluator;

import java.math.BigInteger;

/** The nodes of a parse tree. */
public sealed interface Node {
    /** A binary operation: {@code op} is {@code +}, {@code -}, {@code *} or {@code /}. */
    record BinOp(String op, Node left, Node right) implements Node {
    }

    /** A number: Python's {@code Number} node, whose value is an int of any size. */
    record Num(BigInteger value) implements Node {
    }
}
