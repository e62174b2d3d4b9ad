package dev.gen4j.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Writes the statements of one generator method, and of the generator lambdas and the methods of
 * local and anonymous classes written inside it, which may capture its final locals and
 * {@code this}. Every jump ({@code break}, {@code continue},
 * {@code return}, {@code throw}) is the lone statement of an {@code if}: then every statement can
 * complete normally, so no statement is ever unreachable, which Java would refuse. Loops count
 * their turns and spend the program's fuel, so every run ends.
 */
final class BodyGenerator {
    private static final int MAX_NESTING = 4;
    /** How deep generator lambdas and local classes may nest in one another. */
    private static final int MAX_BODIES = 2;

    /** What the statements being written are the body of. */
    private enum Context {
        /** The generator method itself. */
        METHOD,
        /** A generator lambda's {@code GenBody}: returns nothing; {@code this} is the method's. */
        LAMBDA,
        /** A generator method of a local or anonymous class: {@code this} is that class's object. */
        CLASS
    }

    /**
     * What a {@code break} or {@code continue} may target: a loop, a switch statement, a labeled
     * block (only by its label); a barrier is a switch expression's edge, which no jump may cross.
     */
    private record Target(Kind kind, String label) {
        enum Kind { LOOP, SWITCH, BLOCK, BARRIER }
    }

    final Random random;
    final String className;
    final List<MethodShape> methods;
    final MethodShape self;
    /** Whether this is the body of the override of {@code self} (in Sub or MixinImpl). */
    final boolean override;
    Scope scope = new Scope();
    private final ExpressionGenerator expressions;
    private Deque<Target> targets = new ArrayDeque<>();
    private Context context = Context.METHOD;
    /** Whether {@code this} is the program's object (false inside a local or anonymous class). */
    private boolean thisIsProgram = true;
    private int bodies;
    /** Above zero inside a plain lambda: no yield may go there. */
    private int noYields;
    private StringBuilder out = new StringBuilder();
    private int indent = 2;
    private int statementsLeft;
    private int nesting;
    private int synchronizedDepth;

    BodyGenerator(Random random, String className, List<MethodShape> methods, MethodShape self, boolean override) {
        this.random = random;
        this.className = className;
        this.methods = methods;
        this.self = self;
        this.override = override;
        this.expressions = new ExpressionGenerator(this);
    }

    /** The whole method, declaration included. */
    String method() {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < self.parameters().size(); i++) {
            FuzzType t = self.parameters().get(i);
            parameters.add(t.java + " " + MethodShape.parameterName(i));
            scope.declare(MethodShape.parameterName(i), t, true);
        }
        String modifiers = !override ? self.modifiers() : self.inInterface() ? "public " : self.modifiers();
        out.append("    #ann ").append(override ? "@Override " : "").append(modifiers).append("#Gen ")
                .append(self.name()).append('(')
                .append(String.join(", ", parameters)).append(") throws Checked {\n");
        line("#enter");
        // Each statement of the body gets its own allowance for nested statements, so that one
        // early if or loop cannot take them all (the body's own statements always run).
        int statements = 3 + random.nextInt(self.index() == 0 ? 10 : 6);
        for (int i = 0; i < statements; i++) {
            statementsLeft = 1 + random.nextInt(8);
            statement();
        }
        line(finalReturn());
        out.append("    }\n");
        return out.toString();
    }

    boolean yieldsAllowed() {
        return synchronizedDepth == 0 && noYields == 0;
    }

    /**
     * Whether the program's instance field is in reach: not in a static method. In a local or
     * anonymous class it is the enclosing object's.
     */
    boolean fieldsVisible() {
        return self.hasFields();
    }

    /** The program's instance field, qualified: through {@code this}, or the enclosing instance. */
    String accField() {
        if (thisIsProgram) {
            return "this.acc";
        }
        return (override ? MethodShape.SUBCLASS : className) + ".this.acc";
    }

    /** Whether {@code this} is an instance of the class or interface that declares {@code self}. */
    boolean thisIsSelf() {
        return !self.isStatic() && thisIsProgram;
    }

    /** Whether {@code super.gK(..)} (or {@code Mixin.super.gK(..)}) of the overridden method is in reach. */
    boolean superInReach() {
        return override && thisIsProgram;
    }

    /** Whether a generator lambda or a local class may be written here. */
    boolean bodiesAllowed() {
        return bodies < MAX_BODIES && noYields == 0;
    }

    /** Whether an expression may hold statements (a switch expression with blocks). */
    boolean canNest() {
        return nesting < MAX_NESTING && statementsLeft > 0;
    }

    /**
     * Whether a switch expression's block is being written. No try (nor synchronized) statement
     * goes there: javac 17 crashes on some of them when values wait on the operand stack.
     */
    private boolean inSwitchExpression() {
        return targets.stream().anyMatch(t -> t.kind() == Target.Kind.BARRIER);
    }

    /** The methods {@code Yield.from} may delegate to from here: those of a larger index. */
    List<MethodShape> callees() {
        return methods.subList(self.index() + 1, methods.size());
    }

    /**
     * The statements of a switch expression's case block, as text. No {@code break},
     * {@code continue} or {@code return} may leave a switch expression.
     */
    String switchExpressionBlock(String... resultStatements) {
        StringBuilder saved = out;
        out = new StringBuilder();
        targets.push(new Target(Target.Kind.BARRIER, null));
        int savedIndent = indent;
        indent += 2;
        block();
        for (String statement : resultStatements) {
            line(statement);
        }
        indent = savedIndent;
        targets.pop();
        String text = out.toString();
        out = saved;
        return text;
    }

    // ---- Statements --------------------------------------------------------------------------

    private void statement() {
        statementsLeft--;
        int roll = random.nextInt(100);
        boolean nest = canNest();
        if (nest && bodiesAllowed() && random.nextInt(100) < 5) {
            generatorLambda();
            return;
        }
        if (nest && bodiesAllowed() && yieldsAllowed() && !inSwitchExpression() && random.nextInt(100) < 2) {
            classGenerator();
            return;
        }
        Scope.Var kept = scope.readable(random, FuzzType.GEN);
        if (kept != null && random.nextInt(100) < 6) {
            // Closed before it runs, it is finished: a later Yield.from of it gives null at once.
            line(kept.name() + ".close();");
            return;
        }
        if (roll < 13) {
            declaration();
        } else if (roll < 23) {
            assignment();
        } else if (roll < 42) {
            yieldStatement();
        } else if (roll < 48) {
            delegation();
        } else if (roll < 52) {
            guardedJump();
        } else if (roll < 55) {
            fieldUpdate();
        } else if (roll < 57) {
            helperCall();
        } else if (!nest) {
            yieldStatement();
        } else if (roll < 65) {
            ifStatement();
        } else if (roll < 77) {
            loop();
        } else if (roll < 84) {
            switchStatement();
        } else if (roll < 95 && !inSwitchExpression()) {
            tryStatement();
        } else if (roll < 97 && !inSwitchExpression()) {
            synchronizedBlock();
        } else if (random.nextBoolean()) {
            line("{");
            block();
            line("}");
        } else {
            String label = scope.fresh("B");
            line(label + ": {");
            targets.push(new Target(Target.Kind.BLOCK, label));
            block();
            targets.pop();
            line("}");
        }
    }

    /** A nested block of a few statements, with its own scope. */
    private void block() {
        nesting++;
        indent++;
        scope.open();
        int n = random.nextInt(Math.min(4, Math.max(statementsLeft, 0)) + 1);
        for (int i = 0; i < n && statementsLeft > 0; i++) {
            statement();
        }
        scope.close();
        indent--;
        nesting--;
    }

    private void declaration() {
        FuzzType t = FuzzType.DECLARABLE[random.nextInt(FuzzType.DECLARABLE.length)];
        String init = expressions.expr(t, 0);
        String name = scope.fresh("v");
        line(t.java + " " + name + " = " + init + ";");
        scope.declare(name, t, true);
    }

    private void assignment() {
        Scope.Var v = scope.anyAssignable(random);
        if (v == null) {
            declaration();
            return;
        }
        FuzzType t = v.type();
        String n = v.name();
        int roll = random.nextInt(4);
        if (t.isArray()) {
            if (roll == 0) {
                line(n + " = " + expressions.expr(t, 0) + ";");
                return;
            }
            String index = roll == 1 && random.nextInt(4) == 0
                    ? expressions.expr(FuzzType.INT, 1) + " & 3"
                    : "Math.floorMod(" + expressions.expr(FuzzType.INT, 1) + ", " + n + ".length)";
            FuzzType e = t.element();
            String op = roll == 2 ? " += " : " = ";
            FuzzType value = roll == 2 && e == FuzzType.STRING ? randomScalar() : e;
            line(n + "[" + index + "]" + op + expressions.expr(value, 1) + ";");
            return;
        }
        if (roll == 0 || t == FuzzType.OBJECT || t == FuzzType.CHAR_SEQUENCE || t == FuzzType.NUMBER) {
            line(n + " = " + expressions.expr(t, 0) + ";");
        } else if (t == FuzzType.STRING) {
            line(n + " += " + expressions.expr(randomScalar(), 0) + ";");
        } else if (t == FuzzType.BOOLEAN) {
            line(n + " " + pick("&=", "|=", "^=") + " " + expressions.expr(FuzzType.BOOLEAN, 0) + ";");
        } else if (roll == 1) {
            line(pick(n + "++", n + "--", "++" + n, "--" + n) + ";");
        } else if (t == FuzzType.FLOAT || t == FuzzType.DOUBLE) {
            line(n + " " + pick("+=", "-=", "*=", "/=") + " " + expressions.expr(t, 0) + ";");
        } else {
            String op = pick("+=", "-=", "*=", "^=", "|=", "&=", "<<=", ">>=", ">>>=", "/=", "%=");
            FuzzType rhs = t == FuzzType.LONG ? FuzzType.LONG : FuzzType.INT;
            String value = expressions.expr(rhs, 0);
            if (op.equals("/=") || op.equals("%=")) {
                value = "(" + value + " | 1)";
            }
            line(n + " " + op + " " + value + ";");
        }
    }

    private void yieldStatement() {
        if (!yieldsAllowed()) {
            assignment();
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> line("#Y.now(" + expressions.expr(randomDeclarable(), 0) + ");");
            case 1 -> line("#Y.now();");
            case 2 -> {
                String value = expressions.expr(randomDeclarable(), 1);
                String name = scope.fresh("v");
                line("Object " + name + " = #Y.now(" + value + ");");
                scope.declare(name, FuzzType.OBJECT, true);
            }
            default -> {
                FuzzType t = randomDeclarable();
                String init = expressions.yielding(t, 0);
                String name = scope.fresh("v");
                line(t.java + " " + name + " = " + init + ";");
                scope.declare(name, t, true);
            }
        }
    }

    private void delegation() {
        if (!yieldsAllowed()) {
            assignment();
            return;
        }
        String from = expressions.delegation(0);
        switch (random.nextInt(4)) {
            case 0 -> line(from + ";");
            case 1 -> {
                String name = scope.fresh("v");
                line("Object " + name + " = " + from + ";");
                scope.declare(name, FuzzType.OBJECT, true);
            }
            case 2 -> {
                String name = scope.fresh("v");
                line("int " + name + " = asInt(" + from + ");");
                scope.declare(name, FuzzType.INT, true);
            }
            default -> {
                String name = scope.fresh("v");
                line("String " + name + " = String.valueOf((Object) " + from + ");");
                scope.declare(name, FuzzType.STRING, true);
            }
        }
    }

    /** {@code if (cond) jump;}: a break, continue, return or throw that may or may not happen. */
    private void guardedJump() {
        List<String> jumps = new ArrayList<>();
        boolean breakable = true;
        boolean continuable = true;
        for (Target t : targets) {
            if (t.kind() == Target.Kind.BARRIER) {
                break;
            }
            if (breakable && t.kind() != Target.Kind.BLOCK) {
                jumps.add("break");
                breakable = false;
            }
            if (t.kind() == Target.Kind.LOOP && continuable) {
                jumps.add("continue");
                continuable = false;
            }
            if (t.label() != null) {
                jumps.add("break " + t.label());
                if (t.kind() == Target.Kind.LOOP) {
                    jumps.add("continue " + t.label());
                }
            }
        }
        if (jumps.isEmpty() || random.nextInt(3) == 0) {
            // Leaving the method: made rarer, or few programs would get far.
            jumps.clear();
            if (!inSwitchExpression()) {
                jumps.add(context == Context.LAMBDA ? "return" : "return " + result());
            }
            jumps.add("throw new " + pick("Oops", "Bad", "Checked") + "(" + expressions.expr(FuzzType.STRING, 2) + ")");
            Scope.Var caught = scope.readable(random, FuzzType.THROWABLE);
            if (caught != null) {
                jumps.add("throw " + caught.name());
            }
            String jump = jumps.get(random.nextInt(jumps.size()));
            line("if ((" + expressions.expr(FuzzType.INT, 1) + " & 15) == 9) " + jump + ";");
            return;
        }
        line("if (" + expressions.expr(FuzzType.BOOLEAN, 1) + ") " + jumps.get(random.nextInt(jumps.size())) + ";");
    }

    private void fieldUpdate() {
        if (fieldsVisible() && random.nextBoolean()) {
            String x = expressions.expr(FuzzType.INT, 0);
            line(pick("acc += " + x, accField() + " ^= " + x, "acc = mix(acc, " + x + ")") + ";");
        } else {
            line("total " + pick("+=", "^=", "-=") + " " + expressions.expr(FuzzType.LONG, 0) + ";");
        }
    }

    private void helperCall() {
        String x = expressions.expr(FuzzType.INT, 1);
        line(pick("check(" + x + ");", "boom(" + x + ");", "total = total * 3 + boom(" + x + ");"));
    }

    private void ifStatement() {
        line("if (" + expressions.expr(FuzzType.BOOLEAN, 0) + ") {");
        block();
        int roll = random.nextInt(3);
        if (roll == 1) {
            line("} else if (" + expressions.expr(FuzzType.BOOLEAN, 1) + ") {");
            block();
        }
        if (roll >= 1) {
            line("} else {");
            block();
        }
        line("}");
    }

    private void loop() {
        String label = random.nextInt(4) == 0 ? scope.fresh("L") : null;
        String prefix = label == null ? "" : label + ": ";
        int bound = 1 + random.nextInt(4);
        scope.open();
        switch (random.nextInt(4)) {
            case 0 -> {
                String i = scope.fresh("i");
                line(prefix + "for (int " + i + " = 0; " + i + " < " + bound + " && tick(); " + i + "++) {");
                scope.declare(i, FuzzType.INT, false);
                loopBody(label, null, "}");
            }
            case 1 -> {
                String w = scope.fresh("w");
                line("int " + w + " = 0;");
                scope.declare(w, FuzzType.INT, false);
                line(prefix + "while (" + w + " < " + bound + " && tick()) {");
                loopBody(label, w + "++;", "}");
            }
            case 2 -> {
                String d = scope.fresh("d");
                line("int " + d + " = 0;");
                scope.declare(d, FuzzType.INT, false);
                line(prefix + "do {");
                loopBody(label, d + "++;", "} while (" + d + " < " + bound + " && tick());");
            }
            default -> {
                FuzzType array = pick(FuzzType.INT_ARRAY, FuzzType.LONG_ARRAY, FuzzType.STRING_ARRAY);
                String items = expressions.expr(array, 1);
                String x = scope.fresh("x");
                line(prefix + "for (" + array.element().java + " " + x + " : " + items + ") {");
                scope.declare(x, array.element(), true);
                loopBody(label, "if (!tick()) break;", "}");
            }
        }
        scope.close();
    }

    private void loopBody(String label, String first, String end) {
        targets.push(new Target(Target.Kind.LOOP, label));
        if (first != null) {
            indent++;
            line(first);
            indent--;
        }
        block();
        targets.pop();
        line(end);
    }

    private void switchStatement() {
        boolean arrows = random.nextBoolean();
        boolean onStrings = random.nextInt(3) == 0;
        line("switch (" + (onStrings ? expressions.stringSelector(1) : expressions.intSelector(1)) + ") {");
        targets.push(new Target(Target.Kind.SWITCH, null));
        List<String> labels = expressions.caseLabels(onStrings);
        int defaultAt = random.nextInt(labels.size() + 2);
        indent++;
        for (int i = 0; i <= labels.size(); i++) {
            if (i == defaultAt) {
                switchCase(arrows, "default");
            }
            if (i < labels.size()) {
                switchCase(arrows, "case " + labels.get(i));
            }
        }
        indent--;
        targets.pop();
        line("}");
    }

    private void switchCase(boolean arrows, String label) {
        if (arrows) {
            if (random.nextInt(3) == 0) {
                line(label + " -> " + expressions.expressionStatement() + ";");
                return;
            }
            line(label + " -> {");
            block();
            line("}");
            return;
        }
        line(label + ": {");
        block();
        line(random.nextInt(3) == 0 ? "}" : "} break;");
    }

    private void tryStatement() {
        boolean withResource = random.nextInt(4) == 0;
        String resource = scope.fresh("r");
        if (withResource) {
            line("try (Res " + resource + " = new Res(" + expressions.expr(FuzzType.INT, 1) + ")) {");
        } else {
            line("try {");
        }
        boolean throwsChecked = random.nextInt(3) == 0;
        indent++;
        if (throwsChecked) {
            line("check(" + expressions.expr(FuzzType.INT, 1) + ");");
        }
        if (withResource && yieldsAllowed() && random.nextBoolean()) {
            line("#Y.now(" + resource + ");");
        }
        indent--;
        block();
        List<String> pool = new ArrayList<>(List.of("Oops", "Bad", "ArithmeticException",
                "ArrayIndexOutOfBoundsException", "NullPointerException", "ClassCastException",
                "dev.gen4j.fuzz.Injected"));
        if (throwsChecked) {
            pool.add("Checked");
        }
        Collections.shuffle(pool, random);
        Iterator<String> types = pool.iterator();
        List<String> clauses = new ArrayList<>();
        for (int c = random.nextInt(3); c > 0; c--) {
            clauses.add(random.nextBoolean() ? types.next() : types.next() + " | " + types.next());
        }
        if (random.nextInt(3) == 0) {
            clauses.add("RuntimeException");
        }
        if (random.nextInt(3) == 0) {
            clauses.add("Exception");
        }
        if (random.nextInt(8) == 0) {
            // Catches GeneratorExit too: a body may then go on after close(), or yield again.
            clauses.add("Throwable");
        }
        boolean hasFinally = (clauses.isEmpty() && !withResource) || random.nextInt(5) < 2;
        for (String clause : clauses) {
            String e = scope.fresh("e");
            line("} catch (" + clause + " " + e + ") {");
            scope.open();
            scope.declare(e, FuzzType.THROWABLE, false);
            block();
            scope.close();
        }
        if (hasFinally) {
            line("} finally {");
            block();
        }
        line("}");
    }

    private void synchronizedBlock() {
        line("synchronized (" + (self.isStatic() || random.nextBoolean() ? "LOCK" : "this") + ") {");
        synchronizedDepth++;
        block();
        synchronizedDepth--;
        line("}");
    }

    /**
     * A generator lambda: delegated to at once, or kept in a final local that later statements
     * (and later lambdas, which capture it) may delegate to, once or again.
     */
    private void generatorLambda() {
        // Final copies for the lambda to capture, besides the final locals already in scope.
        for (int n = random.nextInt(3); n > 0; n--) {
            FuzzType t = randomDeclarable();
            String name = scope.fresh("c");
            line("final " + t.java + " " + name + " = " + expressions.expr(t, 1) + ";");
            scope.declareFinal(name, t);
        }
        String lambda = generatorLambdaExpression();
        int roll = random.nextInt(5);
        if (roll < 2 || !yieldsAllowed()) {
            String name = scope.fresh("h");
            line("final #Kept " + name + " = " + lambda + ";");
            scope.declareFinal(name, FuzzType.GEN);
        } else if (roll == 2) {
            String name = scope.fresh("v");
            line("Object " + name + " = #Y.from(" + lambda + ");");
            scope.declare(name, FuzzType.OBJECT, true);
        } else {
            line("#Y.from(" + lambda + ");");
        }
    }

    /** {@code Gen.generate(() -> { .. })}, as text: a body of its own that yields and delegates. */
    String generatorLambdaExpression() {
        String body = nestedBody(Context.LAMBDA, 1 + random.nextInt(4));
        return "#G.generate(() -> {\n" + body + "    ".repeat(indent) + "})";
    }

    /** A generator method of an anonymous class, or of a local class, delegated to where it is written. */
    private void classGenerator() {
        String body = nestedBody(Context.CLASS, 1 + random.nextInt(4));
        String pad = "    ".repeat(indent + 1);
        String method = pad + "#ann public #Gen run() throws Checked {\n" + body + "    }\n";
        if (random.nextBoolean()) {
            line("#Y.from(new Object() {\n" + method + pad + "}.run());");
            return;
        }
        String name = scope.fresh("K");
        line("class " + name + " {\n" + method + pad + "}");
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            if (random.nextBoolean()) {
                line("#Y.from(new " + name + "().run());");
            } else {
                String v = scope.fresh("v");
                line("Object " + v + " = #Y.from(new " + name + "().run());");
                scope.declare(v, FuzzType.OBJECT, true);
            }
        }
    }

    /**
     * The statements of a body written inside this one, as text: it sees only the capturable
     * locals, no jump leaves it, and it may yield even inside a synchronized block (it runs
     * later, elsewhere). A class's method ends with a return of its result.
     */
    private String nestedBody(Context kind, int statements) {
        StringBuilder savedOut = out;
        Scope savedScope = scope;
        Deque<Target> savedTargets = targets;
        Context savedContext = context;
        boolean savedThis = thisIsProgram;
        int savedSynchronized = synchronizedDepth;
        int savedIndent = indent;
        int savedLeft = statementsLeft;
        out = new StringBuilder();
        scope = scope.capturing();
        targets = new ArrayDeque<>();
        context = kind;
        thisIsProgram = thisIsProgram && kind != Context.CLASS;
        synchronizedDepth = 0;
        indent += kind == Context.CLASS ? 2 : 1;
        bodies++;
        line("#enter");
        for (int i = 0; i < statements; i++) {
            statementsLeft = 1 + random.nextInt(4);
            statement();
        }
        if (kind == Context.CLASS) {
            line(finalReturn());
        }
        bodies--;
        String text = out.toString();
        out = savedOut;
        scope = savedScope;
        targets = savedTargets;
        context = savedContext;
        thisIsProgram = savedThis;
        synchronizedDepth = savedSynchronized;
        indent = savedIndent;
        statementsLeft = savedLeft;
        return text;
    }

    /**
     * A plain lambda's expression body, as text: written with the given parameters (ints) and the
     * capturable locals in scope, with no yield and no statement in it.
     */
    String plainLambdaBody(FuzzType type, String... parameters) {
        Scope savedScope = scope;
        int savedLeft = statementsLeft;
        scope = scope.capturing();
        for (String p : parameters) {
            scope.declareFinal(p, FuzzType.INT);
        }
        statementsLeft = 0;
        noYields++;
        String text = expressions.expr(type, 1);
        noYields--;
        statementsLeft = savedLeft;
        scope = savedScope;
        return text;
    }

    // ---- Pieces ------------------------------------------------------------------------------

    private String finalReturn() {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return "return null;";
        }
        if (roll == 1) {
            return "return #G.done();";
        }
        if (roll == 2 && yieldsAllowed()) {
            return "return #G.done(" + expressions.delegation(1) + ");";
        }
        return "return " + result() + ";";
    }

    private String result() {
        return random.nextInt(8) == 0 ? "null" : "#G.done(" + expressions.expr(FuzzType.OBJECT, 1) + ")";
    }

    FuzzType randomDeclarable() {
        return FuzzType.DECLARABLE[random.nextInt(FuzzType.DECLARABLE.length)];
    }

    /** Any type but arrays: what string concatenation may add without showing an identity hash. */
    FuzzType randomScalar() {
        FuzzType t;
        do {
            t = randomDeclarable();
        } while (t.isArray());
        return t;
    }

    @SafeVarargs
    final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }
}
