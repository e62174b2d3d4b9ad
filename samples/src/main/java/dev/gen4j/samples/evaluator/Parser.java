package dev.gen4j.samples.evaluator;

import dev.gen4j.samples.evaluator.Node.BinOp;
import dev.gen4j.samples.evaluator.Node.Num;
import dev.gen4j.samples.evaluator.Tokenizer.Token;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;

/**
 * A recursive descent parser that builds the tree:
 * <pre>
 * expr   ::= term { +|- term }*
 * term   ::= factor { *|/ factor }*
 * factor ::= NUM
 * </pre>
 * Chains of {@code +} or {@code *} are parsed by loops, not recursion, so a long sum gives a
 * deep left-nested tree without a deep parse. Like the seed's parser, it stops after the first
 * complete expression and ignores what follows.
 */
public final class Parser {
    private static final Set<String> ADDING = Set.of("PLUS", "MINUS");
    private static final Set<String> MULTIPLYING = Set.of("TIMES", "DIVIDE");
    private static final Set<String> NUMBER = Set.of("NUM");

    private final Iterator<Token> toks;
    private Token lookahead;
    private Token current;

    private Parser(Iterator<Token> toks) {
        this.toks = toks;
        this.lookahead = nextToken();
    }

    public static Node parse(Iterator<Token> toks) {
        return new Parser(toks).expr();
    }

    private Token nextToken() {
        return toks.hasNext() ? toks.next() : null;
    }

    /** Takes the lookahead token if it is of one of these types. */
    private boolean accept(Set<String> toktypes) {
        if (lookahead != null && toktypes.contains(lookahead.type())) {
            current = lookahead;
            lookahead = nextToken();
            return true;
        }
        return false;
    }

    private Node expr() {
        Node left = term();
        while (accept(ADDING)) {
            String op = current.value();
            left = new BinOp(op, left, term());
        }
        return left;
    }

    private Node term() {
        Node left = factor();
        while (accept(MULTIPLYING)) {
            String op = current.value();
            left = new BinOp(op, left, factor());
        }
        return left;
    }

    private Node factor() {
        if (accept(NUMBER)) {
            return new Num(new BigInteger(current.value()));
        }
        throw new SyntaxError(lookahead == null ? "expected a number at the end of the expression"
                : "expected a number, found '" + lookahead.value() + "'");
    }
}
