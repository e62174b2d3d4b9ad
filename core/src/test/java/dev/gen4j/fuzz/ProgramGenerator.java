package dev.gen4j.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a random program from a seed: a class (and an interface nested in it, with a class that
 * implements it, and a subclass) whose generator methods g0..gn use every kind of local, loops,
 * switches, try/catch/finally, exceptions and yields anywhere in expressions, generator lambdas,
 * plain lambdas, generators of local and anonymous classes, and delegate with {@code Yield.from}
 * only to methods of a larger index (or to the method an override overrides), so every run ends.
 * Overrides in the subclass and in the implementation may delegate to {@code super}. The helpers the bodies
 * call ({@link ProgramLibrary}) are deterministic, so two runs of the same program must agree.
 */
final class ProgramGenerator {
    private static final String[] CLASS_VISIBILITIES = {"", "private ", "protected ", "public "};

    private ProgramGenerator() {
    }

    static FuzzProgram generate(long seed) {
        Random random = new Random(seed);
        String className = "P" + Long.toUnsignedString(seed);
        List<MethodShape> methods = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int k = 0; k < count; k++) {
            List<FuzzType> parameters = new ArrayList<>();
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                parameters.add(FuzzType.DECLARABLE[random.nextInt(FuzzType.DECLARABLE.length)]);
            }
            boolean isStatic = random.nextInt(3) == 0;
            boolean inInterface = random.nextInt(4) == 0;
            String modifiers = inInterface
                    ? (random.nextBoolean() ? "private " : isStatic ? "" : "default ")
                    : CLASS_VISIBILITIES[random.nextInt(CLASS_VISIBILITIES.length)];
            modifiers += isStatic ? "static " : "";
            boolean overridden = !isStatic && !modifiers.contains("private") && random.nextInt(3) == 0;
            methods.add(new MethodShape(k, isStatic, inInterface, modifiers, parameters, overridden));
        }

        StringBuilder out = new StringBuilder();
        out.append("package ").append(FuzzProgram.PACKAGE).append(";\n\n");
        out.append("import static dev.gen4j.fuzz.ProgramLibrary.*;\n\n");
        out.append("public class ").append(className).append(" {\n");
        out.append(prelude(className));
        StringBuilder mixin = new StringBuilder();
        StringBuilder sub = new StringBuilder();
        StringBuilder impl = new StringBuilder();
        for (MethodShape m : methods) {
            String method = new BodyGenerator(random, className, methods, m, false).method();
            (m.inInterface() ? mixin : out).append('\n').append(method);
            if (m.overridden()) {
                String override = new BodyGenerator(random, className, methods, m, true).method();
                (m.inInterface() ? impl : sub).append('\n').append(override);
            }
        }
        out.append('\n').append(start(random, className, methods.get(0)));
        out.append("\n    interface ").append(MethodShape.INTERFACE).append(" {").append(mixin).append("    }\n");
        out.append("\n    static final class ").append(MethodShape.IMPLEMENTATION).append(" implements ")
                .append(MethodShape.INTERFACE).append(" {").append(impl).append("    }\n");
        out.append("\n    static final class ").append(MethodShape.SUBCLASS).append(" extends ").append(className)
                .append(" {\n        ").append(MethodShape.SUBCLASS).append("(int acc) {\n            super(acc);\n")
                .append("        }\n").append(sub).append("    }\n");
        out.append("}\n");
        return new FuzzProgram(seed, className, out.toString());
    }

    /** The state of a run: fresh in each run, since each run loads the program anew. */
    private static String prelude(String className) {
        return """
                    #rec
                    static final Object LOCK = new Object();
                    static int fuel = 300;
                    static long total;
                    int acc;

                    %1$s(int acc) {
                        this.acc = acc;
                    }

                    /** Bounds every loop: false once the program has run its share of iterations. */
                    static boolean tick() {
                        return --fuel >= 0;
                    }
                """.formatted(className);
    }

    /** The entry point: creates the first generator (in the plain variant: runs it). */
    private static String start(Random random, String className, MethodShape first) {
        List<String> args = new ArrayList<>();
        for (FuzzType t : first.parameters()) {
            args.add(ExpressionGenerator.constant(random, t));
        }
        String instance = first.inInterface() ? "new " + MethodShape.IMPLEMENTATION + "()"
                : first.instance(className, random.nextBoolean(), Integer.toString(random.nextInt(10)));
        return "    public static Object start() throws Exception {\n"
                + "        return " + first.call(instance, args) + ";\n"
                + "    }\n";
    }
}
