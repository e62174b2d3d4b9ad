package dev.gen4j.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes typed expressions for a {@link BodyGenerator}, with yields and delegations anywhere in
 * them: in operands, arguments, array initializers, conditions, constructor arguments, string
 * concatenations, switch expressions. Every compound expression is parenthesised, so precedence
 * never matters. No expression shows an identity hash, and none depends on timing.
 */
final class ExpressionGenerator {
    private static final int MAX_DEPTH = 3;
    private static final String[] FLOATS = {"0.0f", "-0.0f", "1.5f", "-2.25f", "1e30f", "3.4028235e38f", "Float.NaN",
        "0.1f"};
    private static final String[] DOUBLES = {"0.0", "-0.0", "0.5", "-3.75", "1e300", "Double.NaN", "0.1",
        "Double.MIN_VALUE", "Double.NEGATIVE_INFINITY"};

    private final BodyGenerator body;
    private final Random random;

    ExpressionGenerator(BodyGenerator body) {
        this.body = body;
        this.random = body.random;
    }

    /** An expression of type {@code t} (or one that widens to it). */
    String expr(FuzzType t, int depth) {
        if (body.yieldsAllowed() && random.nextInt(100) < 9 - 2 * depth) {
            return yielding(t, depth);
        }
        if (depth >= MAX_DEPTH || random.nextInt(4) == 0) {
            return leaf(t);
        }
        int d = depth + 1;
        switch (t) {
            case BOOLEAN: return booleanExpr(d);
            case BYTE: return "(byte) " + paren(expr(FuzzType.INT, d));
            case SHORT: return "(short) " + paren(expr(FuzzType.INT, d));
            case CHAR: return random.nextBoolean()
                    ? "(char) ('a' + Math.floorMod(" + expr(FuzzType.INT, d) + ", 26))"
                    : "(\"\" + " + expr(FuzzType.STRING, d) + " + \"z\").charAt(0)";
            case INT: return intExpr(d);
            case LONG: return longExpr(d);
            case FLOAT: return floatExpr(d);
            case DOUBLE: return doubleExpr(d);
            case STRING: return stringExpr(d);
            case OBJECT: return objectExpr(d);
            case CHAR_SEQUENCE: return charSequenceExpr(d);
            case NUMBER: return numberExpr(d);
            default: return arrayExpr(t, d);
        }
    }

    /** An expression of type {@code t} whose value passes through a yield or a delegation. */
    String yielding(FuzzType t, int depth) {
        int d = depth + 1;
        String y = suspension(d);
        switch (t) {
            case BOOLEAN: return pick("(" + y + " == null)", "(" + y + " instanceof Integer)",
                    "(asInt(" + y + ") % 2 == 0)");
            case BYTE: return "(byte) asInt(" + y + ")";
            case SHORT: return "(short) asInt(" + y + ")";
            case CHAR: return "(char) asInt(" + y + ")";
            case INT:
                switch (random.nextInt(8)) {
                    case 0: return "(int) #Y.now(" + expr(body.randomDeclarable(), d) + ")";
                    case 1: return "(int) #Y.<Integer>now(" + expr(body.randomDeclarable(), d) + ")";
                    default: return "asInt(" + y + ")";
                }
            case LONG: return "(long) asInt(" + y + ")";
            case FLOAT: return "(float) asInt(" + y + ")";
            case DOUBLE: return pick("(double) asInt(" + y + ")", "(asInt(" + y + ") * 0.5)");
            case STRING:
                if (random.nextInt(16) == 0) {
                    // A ClassCastException right where the generator resumes, when an Integer is sent.
                    return "(\"\" + (String) #Y.now(" + expr(body.randomDeclarable(), d) + "))";
                }
                return pick("(\"\" + " + y + ")", "String.valueOf((Object) " + y + ")",
                        "new StringBuilder(String.valueOf((Object) " + y + ")).append(" + scalarAsArgument(d)
                                + ").toString()",
                        "(" + expr(FuzzType.STRING, d) + " + " + y + ")");
            case OBJECT: return y;
            case CHAR_SEQUENCE: return "(\"\" + " + y + ")";
            case NUMBER: return "Integer.valueOf(asInt(" + y + "))";
            case INT_ARRAY: return "new int[] {asInt(" + y + "), " + expr(FuzzType.INT, d) + "}";
            case LONG_ARRAY: return "new long[] {" + expr(FuzzType.LONG, d) + ", (long) asInt(" + y + ")}";
            case STRING_ARRAY: return "new String[] {\"\" + " + y + "}";
            default: throw new IllegalArgumentException(t.toString());
        }
    }

    /** {@code Yield.now(..)}, {@code Yield.now()} or a delegation: an expression typed Object. */
    private String suspension(int depth) {
        int roll = random.nextInt(10);
        if (roll < 6) {
            return "#Y.now(" + expr(body.randomDeclarable(), depth) + ")";
        }
        if (roll < 7) {
            return "#Y.now()";
        }
        return delegation(depth);
    }

    /**
     * {@code Yield.from(..)} of a later method of the program, of the method an override
     * overrides, of a generator lambda (written here, or kept in a final local), or of
     * {@code Gen.of(list)}.
     */
    String delegation(int depth) {
        Scope.Var kept = body.scope.readable(random, FuzzType.GEN);
        if (kept != null && random.nextInt(3) == 0) {
            return "#Y.from(" + kept.name() + ")";
        }
        if (body.bodiesAllowed() && body.canNest() && random.nextInt(10) == 0) {
            return "#Y.from(" + body.generatorLambdaExpression() + ")";
        }
        if (body.superInReach() && random.nextInt(3) == 0) {
            List<String> args = new ArrayList<>();
            for (FuzzType p : body.self.parameters()) {
                args.add(expr(p, depth + 1));
            }
            String target = body.self.inInterface() ? MethodShape.INTERFACE + ".super." : "super.";
            return "#Y.from(" + target + body.self.name() + "(" + String.join(", ", args) + "))";
        }
        List<MethodShape> callees = body.callees();
        if (callees.isEmpty() || random.nextInt(6) == 0) {
            List<String> items = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                items.add(expr(random.nextBoolean() ? FuzzType.INT : FuzzType.STRING, depth + 1));
            }
            return "#Y.from(#G.of(java.util.List.of(" + String.join(", ", items) + ")))";
        }
        MethodShape callee = callees.get(random.nextInt(callees.size()));
        String instance = null;
        if (!callee.isStatic()) {
            if (body.thisIsSelf() && callee.inInterface() == body.self.inInterface()) {
                // In Sub, a private method of the program's class is reached through the class's type.
                instance = body.override && !callee.inInterface() ? "((" + body.className + ") this)" : "this";
            } else if (callee.inInterface()) {
                instance = "new " + MethodShape.IMPLEMENTATION + "()";
            } else {
                instance = callee.instance(body.className, random.nextBoolean(), expr(FuzzType.INT, depth + 1));
            }
        }
        List<String> args = new ArrayList<>();
        for (FuzzType p : callee.parameters()) {
            args.add(expr(p, depth + 1));
        }
        String call = callee.call(instance, args);
        if (callee.isStatic() && !callee.inInterface() && (body.self.inInterface() || random.nextBoolean())) {
            call = body.className + "." + call;
        }
        return "#Y.from(" + call + ")";
    }

    private String leaf(FuzzType t) {
        Scope.Var v = body.scope.readable(random, t);
        if (v != null && random.nextInt(3) != 0) {
            return v.name();
        }
        return constant(random, t);
    }

    /** A constant of type {@code t}, needing no local (also for the arguments of start()). */
    static String constant(Random random, FuzzType t) {
        switch (t) {
            case BOOLEAN: return random.nextBoolean() ? "true" : "false";
            case BYTE: return "(byte) " + (random.nextInt(256) - 128);
            case SHORT: return "(short) " + (random.nextInt(65536) - 32768);
            case CHAR: return "'" + (char) ('a' + random.nextInt(26)) + "'";
            case INT:
                switch (random.nextInt(6)) {
                    case 0: return "Integer.MIN_VALUE";
                    case 1: return Integer.toString(random.nextInt());
                    default: return Integer.toString(random.nextInt(12) - 3);
                }
            case LONG:
                switch (random.nextInt(5)) {
                    case 0: return "Long.MAX_VALUE";
                    case 1: return random.nextLong() + "L";
                    default: return (random.nextInt(12) - 3) + "L";
                }
            case FLOAT: return FLOATS[random.nextInt(FLOATS.length)];
            case DOUBLE: return DOUBLES[random.nextInt(DOUBLES.length)];
            case STRING: {
                char first = (char) ('a' + random.nextInt(4));
                return "\"" + first + (random.nextBoolean() ? "" : random.nextInt(100)) + "\"";
            }
            case OBJECT:
                switch (random.nextInt(3)) {
                    case 0: return "null";
                    case 1: return "Integer.valueOf(" + random.nextInt(100) + ")";
                    default: return "\"o" + random.nextInt(10) + "\"";
                }
            case CHAR_SEQUENCE: return random.nextBoolean() ? "\"q" + random.nextInt(10) + "\""
                    : "new StringBuilder(\"sb" + random.nextInt(10) + "\")";
            case NUMBER:
                switch (random.nextInt(3)) {
                    case 0: return "Integer.valueOf(" + (random.nextInt(20) - 5) + ")";
                    case 1: return "Long.valueOf(" + random.nextInt(1000) + "L)";
                    default: return "Double.valueOf(" + DOUBLES[random.nextInt(DOUBLES.length)] + ")";
                }
            case INT_ARRAY: return "new int[] {" + random.nextInt(9) + ", " + (random.nextInt(9) - 4) + "}";
            case LONG_ARRAY: return "new long[] {" + random.nextInt(1000) + "L}";
            case STRING_ARRAY: return "new String[] {\"x\", \"y" + random.nextInt(9) + "\", \"z\"}";
            default: throw new IllegalArgumentException(t.toString());
        }
    }

    private String intExpr(int d) {
        switch (random.nextInt(16)) {
            case 0: case 1:
                return "(" + expr(FuzzType.INT, d) + " " + pick("+", "-", "*", "^", "&", "|", "<<", ">>", ">>>") + " "
                        + expr(FuzzType.INT, d) + ")";
            case 2: return "(" + expr(FuzzType.INT, d) + " " + pick("/", "%") + " (" + expr(FuzzType.INT, d) + " | 1))";
            case 3: return random.nextInt(4) == 0
                    ? "(" + expr(FuzzType.INT, d) + " / " + expr(FuzzType.INT, d) + ")"
                    : "Math.floorMod(" + expr(FuzzType.INT, d) + ", 7)";
            case 4: return "(int) " + paren(expr(pick(FuzzType.LONG, FuzzType.FLOAT, FuzzType.DOUBLE), d));
            case 5: return ternary(FuzzType.INT, d);
            case 6: return pick("mix(", "Math.max(") + expr(FuzzType.INT, d) + ", " + expr(FuzzType.INT, d) + ")";
            case 7: return "boom(" + expr(FuzzType.INT, d) + ")";
            case 8: {
                Scope.Var a = body.scope.readable(random, FuzzType.INT_ARRAY);
                if (a == null) {
                    return "(" + expr(FuzzType.INT_ARRAY, d) + ").length";
                }
                return random.nextBoolean() ? a.name() + ".length"
                        : a.name() + "[Math.floorMod(" + expr(FuzzType.INT, d) + ", " + a.name() + ".length)]";
            }
            case 9: return random.nextBoolean()
                    ? "(" + expr(FuzzType.STRING, d) + ")." + pick("length()", "hashCode()")
                    : "(" + expr(FuzzType.CHAR_SEQUENCE, d) + ").length()";
            case 10: return "asInt(" + expr(FuzzType.OBJECT, d) + ")";
            case 11: return expr(pick(FuzzType.CHAR, FuzzType.SHORT, FuzzType.BYTE), d);
            case 12: return switchExpression(FuzzType.INT, d);
            case 13: return body.fieldsVisible() ? pick("acc", body.accField()) : "(int) total";
            case 14: return plainLambda(d);
            default: {
                Scope.Var v = body.scope.assignable(random, FuzzType.INT);
                if (v == null) {
                    return leaf(FuzzType.INT);
                }
                return pick("(" + v.name() + "++)", "(--" + v.name() + ")",
                        "(" + v.name() + " += " + expr(FuzzType.INT, d) + ")");
            }
        }
    }

    private String longExpr(int d) {
        switch (random.nextInt(9)) {
            case 0: case 1:
                return "(" + expr(FuzzType.LONG, d) + " " + pick("+", "-", "*", "^", "&", "|") + " "
                        + expr(FuzzType.LONG, d) + ")";
            case 2: return "(" + expr(FuzzType.LONG, d) + " " + pick("<<", ">>>") + " " + expr(FuzzType.INT, d) + ")";
            case 3: return "(" + expr(FuzzType.LONG, d) + " / (" + expr(FuzzType.LONG, d) + " | 1L))";
            case 4: return "Long.rotateLeft(" + expr(FuzzType.LONG, d) + ", " + expr(FuzzType.INT, d) + ")";
            case 5: return ternary(FuzzType.LONG, d);
            case 6: {
                Scope.Var a = body.scope.readable(random, FuzzType.LONG_ARRAY);
                return a == null ? "total" : a.name() + "[Math.floorMod(" + expr(FuzzType.INT, d) + ", " + a.name()
                        + ".length)]";
            }
            case 7: return random.nextBoolean() ? "(long) " + paren(expr(FuzzType.DOUBLE, d))
                    : "(" + expr(FuzzType.NUMBER, d) + ").longValue()";
            default: return expr(FuzzType.INT, d);
        }
    }

    private String floatExpr(int d) {
        switch (random.nextInt(4)) {
            case 0: case 1:
                return "(" + expr(FuzzType.FLOAT, d) + " " + pick("+", "-", "*", "/") + " " + expr(FuzzType.FLOAT, d)
                        + ")";
            case 2: return "(float) " + paren(expr(pick(FuzzType.DOUBLE, FuzzType.LONG), d));
            default: return ternary(FuzzType.FLOAT, d);
        }
    }

    private String doubleExpr(int d) {
        switch (random.nextInt(6)) {
            case 0: case 1:
                return "(" + expr(FuzzType.DOUBLE, d) + " " + pick("+", "-", "*", "/", "%") + " "
                        + expr(FuzzType.DOUBLE, d) + ")";
            case 2: return random.nextInt(3) == 0 ? "(" + expr(FuzzType.NUMBER, d) + ").doubleValue()"
                    : pick("Math.sqrt(Math.abs(", "Math.floor((") + expr(FuzzType.DOUBLE, d) + "))";
            case 3: return ternary(FuzzType.DOUBLE, d);
            case 4: return switchExpression(FuzzType.DOUBLE, d);
            default: return expr(pick(FuzzType.FLOAT, FuzzType.LONG, FuzzType.INT), d);
        }
    }

    private String booleanExpr(int d) {
        switch (random.nextInt(9)) {
            case 0: case 1: {
                FuzzType t = pick(FuzzType.INT, FuzzType.LONG, FuzzType.DOUBLE, FuzzType.CHAR);
                return "(" + expr(t, d) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + expr(t, d) + ")";
            }
            case 2: return "(!" + expr(FuzzType.BOOLEAN, d) + ")";
            case 3: return "(" + expr(FuzzType.BOOLEAN, d) + " " + pick("&&", "||", "^", "&") + " "
                    + expr(FuzzType.BOOLEAN, d) + ")";
            case 4: return "(" + expr(FuzzType.STRING, d) + ")." + pick("isEmpty()", "startsWith(\"a\")");
            case 5: return "((Object) " + paren(expr(FuzzType.OBJECT, d)) + " " + pick("== null", "instanceof Integer",
                    "instanceof String") + ")";
            case 6:
                return "java.util.Objects.equals(" + expr(FuzzType.OBJECT, d) + ", " + expr(FuzzType.OBJECT, d) + ")";
            case 7: {
                Scope.Var kept = body.scope.readable(random, FuzzType.GEN);
                if (kept != null && random.nextBoolean()) {
                    return kept.name() + ".isDone()";
                }
                return "(" + expr(FuzzType.STRING, d) + ").equals(" + expr(FuzzType.STRING, d) + ")";
            }
            default: return ternary(FuzzType.BOOLEAN, d);
        }
    }

    private String stringExpr(int d) {
        switch (random.nextInt(11)) {
            case 0: case 1: return "(" + expr(FuzzType.STRING, d) + " + " + expr(body.randomScalar(), d) + ")";
            case 2: return "String.valueOf(" + scalarAsArgument(d) + ")";
            case 3: {
                Scope.Var e = body.scope.readable(random, FuzzType.THROWABLE);
                return e != null ? "msg(" + e.name() + ")" : "Integer.toString(" + expr(FuzzType.INT, d) + ")";
            }
            case 4: return "new StringBuilder(" + expr(FuzzType.STRING, d) + ").append(" + scalarAsArgument(d)
                    + ").toString()";
            case 5: {
                Scope.Var a = body.scope.readable(random, FuzzType.STRING_ARRAY);
                return a == null ? leaf(FuzzType.STRING) : a.name() + "[Math.floorMod(" + expr(FuzzType.INT, d) + ", "
                        + a.name() + ".length)]";
            }
            case 6: return random.nextBoolean()
                    ? "(" + expr(FuzzType.STRING, d) + ").concat(" + expr(FuzzType.STRING, d) + ")"
                    : "(" + expr(FuzzType.CHAR_SEQUENCE, d) + ").toString()";
            case 7: return "java.util.Arrays.toString(" + expr(pick(FuzzType.INT_ARRAY, FuzzType.LONG_ARRAY,
                    FuzzType.STRING_ARRAY), d) + ")";
            case 8: return ternary(FuzzType.STRING, d);
            case 9: return switchExpression(FuzzType.STRING, d);
            default: return "(" + expr(FuzzType.STRING, d) + ").repeat(Math.floorMod(" + expr(FuzzType.INT, d)
                    + ", 3))";
        }
    }

    private String objectExpr(int d) {
        switch (random.nextInt(7)) {
            case 0: case 1: return "(Object) " + paren(expr(body.randomScalar(), d));
            case 2: return "new Box(" + expr(FuzzType.OBJECT, d) + ", " + expr(FuzzType.INT, d) + ")";
            case 3: return "new StringBuilder(" + expr(FuzzType.STRING, d) + ")";
            case 4: return "(" + expr(FuzzType.BOOLEAN, d) + " ? (Object) " + paren(expr(body.randomScalar(), d))
                    + " : (Object) " + paren(expr(body.randomScalar(), d)) + ")";
            case 5: return switchExpression(FuzzType.OBJECT, d);
            default: return "java.util.List.of(" + expr(FuzzType.INT, d) + ", " + expr(FuzzType.STRING, d) + ")";
        }
    }

    private String charSequenceExpr(int d) {
        switch (random.nextInt(3)) {
            case 0: return expr(FuzzType.STRING, d);
            case 1: return "new StringBuilder(" + expr(FuzzType.STRING, d) + ")";
            default: return "(" + expr(FuzzType.BOOLEAN, d) + " ? (CharSequence) " + paren(expr(FuzzType.STRING, d))
                    + " : new StringBuilder(" + expr(FuzzType.STRING, d) + "))";
        }
    }

    private String numberExpr(int d) {
        switch (random.nextInt(4)) {
            case 0: return "Integer.valueOf(" + expr(FuzzType.INT, d) + ")";
            case 1: return "Long.valueOf(" + expr(FuzzType.LONG, d) + ")";
            case 2: return "Double.valueOf(" + expr(FuzzType.DOUBLE, d) + ")";
            default: return "(" + expr(FuzzType.BOOLEAN, d) + " ? (Number) Integer.valueOf(" + expr(FuzzType.INT, d)
                    + ") : (Number) Long.valueOf(" + expr(FuzzType.LONG, d) + "))";
        }
    }

    private String arrayExpr(FuzzType t, int d) {
        Scope.Var v = body.scope.readable(random, t);
        if (v != null && random.nextBoolean()) {
            return v.name() + ".clone()";
        }
        List<String> items = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            items.add(expr(t.element(), d));
        }
        return "new " + t.java + " {" + String.join(", ", items) + "}";
    }

    /**
     * A plain lambda called where it is written: an int operator, or a stream's mapping; its
     * arguments may yield, its body may not.
     */
    private String plainLambda(int d) {
        String a = body.scope.fresh("a");
        String x = expr(FuzzType.INT, d);
        if (random.nextBoolean()) {
            String b = body.scope.fresh("a");
            String y = expr(FuzzType.INT, d);
            return "((java.util.function.IntBinaryOperator) (" + a + ", " + b + ") -> "
                    + body.plainLambdaBody(FuzzType.INT, a, b) + ").applyAsInt(" + x + ", " + y + ")";
        }
        String y = expr(FuzzType.INT, d);
        return "java.util.stream.IntStream.of(" + x + ", " + y + ").map(" + a + " -> "
                + body.plainLambdaBody(FuzzType.INT, a) + ").sum()";
    }

    /** A value for an Object parameter: never an array, and never a bare generic call (overloads!). */
    private String scalarAsArgument(int d) {
        FuzzType t = body.randomScalar();
        String e = expr(t, d);
        return t == FuzzType.OBJECT ? "(Object) " + paren(e) : e;
    }

    private String ternary(FuzzType t, int d) {
        return "(" + expr(FuzzType.BOOLEAN, d) + " ? " + expr(t, d) + " : " + expr(t, d) + ")";
    }

    /**
     * {@code switch (x) { case .. -> value; case .. -> { statements; yield value; } default -> ..}},
     * a switch expression; its blocks may yield, loop, catch and throw.
     */
    private String switchExpression(FuzzType t, int d) {
        if (d > 2 || !body.canNest()) {
            return leaf(t);
        }
        boolean onStrings = random.nextInt(3) == 0;
        StringBuilder s = new StringBuilder("(switch (")
                .append(onStrings ? stringSelector(d) : intSelector(d)).append(") {\n");
        for (String label : caseLabels(onStrings)) {
            s.append("case ").append(label).append(" -> ").append(switchArm(t, d, true)).append('\n');
        }
        s.append("default -> ").append(switchArm(t, d, false)).append("\n})");
        return s.toString();
    }

    private String switchArm(FuzzType t, int d, boolean mayThrow) {
        int roll = random.nextInt(6);
        if (roll == 0 && body.canNest()) {
            String result = expr(t, d);
            if (!result.startsWith("(")) {
                return "{\n" + body.switchExpressionBlock("yield " + result + ";") + "}";
            }
            // "yield (..)" would parse as a call of a method named yield.
            String name = body.scope.fresh("y");
            return "{\n" + body.switchExpressionBlock(t.java + " " + name + " = " + result + ";", "yield " + name + ";")
                    + "}";
        }
        if (roll == 1 && mayThrow && random.nextInt(3) == 0) {
            return "throw new Oops(\"arm\");";
        }
        return expr(t, d) + ";";
    }

    /** An int switch selector (typed int: a char or a byte could not take every label). */
    String intSelector(int d) {
        String e = expr(FuzzType.INT, d);
        return random.nextBoolean() ? "Math.floorMod(" + e + ", 7) - 2" : "(int) " + paren(e);
    }

    /** A switch selector over the strings "a".."d", which the case labels name. */
    String stringSelector(int d) {
        return random.nextInt(4) == 0 ? expr(FuzzType.STRING, d)
                : "String.valueOf((char) ('a' + Math.floorMod(" + expr(FuzzType.INT, d) + ", 4)))";
    }

    /** One to three distinct case labels (some of them lists: {@code 1, 2}). */
    List<String> caseLabels(boolean onStrings) {
        Set<Integer> used = new LinkedHashSet<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            used.add(random.nextInt(7) - 2);
        }
        List<String> labels = new ArrayList<>();
        for (int value : used) {
            String label = onStrings ? "\"" + (char) ('a' + Math.floorMod(value, 5)) + "\"" : Integer.toString(value);
            if (onStrings && labels.contains(label)) {
                continue;
            }
            labels.add(label);
        }
        if (labels.size() >= 2 && random.nextBoolean()) {
            String last = labels.remove(labels.size() - 1);
            labels.set(labels.size() - 1, labels.get(labels.size() - 1) + ", " + last);
        }
        return labels;
    }

    /** An expression statement, for a {@code case .. ->} of a switch statement. */
    String expressionStatement() {
        Scope.Var v = body.scope.assignable(random, FuzzType.INT);
        int roll = random.nextInt(4);
        if (roll == 0 && body.yieldsAllowed()) {
            return "#Y.now(" + expr(body.randomDeclarable(), 1) + ")";
        }
        if (roll <= 1 && v != null) {
            return v.name() + " += " + expr(FuzzType.INT, 1);
        }
        if (roll <= 2) {
            return "boom(" + expr(FuzzType.INT, 1) + ")";
        }
        return "total += " + expr(FuzzType.LONG, 1);
    }

    private static String paren(String e) {
        return "(" + e + ")";
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
