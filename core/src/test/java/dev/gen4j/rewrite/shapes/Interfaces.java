package dev.gen4j.rewrite.shapes;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.rewrite.shapes.other.ElsewhereImpl;
import java.util.ArrayList;
import java.util.List;

/** Generators in interfaces: default, static and private, reached through {@code Iface.super}. */
public final class Interfaces {
    private Interfaces() {
    }

    public interface Greeter {
        @Generator
        default Gen<String> greet(String who) {
            Yield.now("hello " + who);
            Yield.now(tail());
            return Gen.done();
        }

        String tail();
    }

    public static class LoudGreeter implements Greeter {
        @Generator
        @Override
        public Gen<String> greet(String who) {
            Yield.now("HEY");
            Yield.from(Greeter.super.greet(who));
            return Gen.done();
        }

        @Override
        public String tail() {
            return "loud";
        }
    }

    public static List<String> ifaceSuperFromAClass() {
        return Hierarchies.drain(new LoudGreeter().greet("ann"));
    }

    public interface Top {
        @Generator
        default Gen<String> t() {
            Yield.now("top");
            return Gen.done("T");
        }
    }

    public interface Sub extends Top {
        @Generator
        @Override
        default Gen<String> t() {
            Yield.now("sub");
            String r = Yield.from(Top.super.t());
            Yield.now("sub got " + r);
            return Gen.done();
        }
    }

    public static List<String> ifaceSuperFromASubInterface() {
        return Hierarchies.drain(new Sub() { }.t());
    }

    public interface Left {
        @Generator
        default Gen<String> who() {
            Yield.now("left");
            return Gen.done();
        }
    }

    public interface Right {
        @Generator
        default Gen<String> who() {
            Yield.now("right");
            return Gen.done();
        }
    }

    /** Resolves the clash of two default generators with a plain method. */
    public static class Both implements Left, Right {
        @Override
        public Gen<String> who() {
            return Left.super.who();
        }

        public Gen<String> right() {
            return Right.super.who();
        }
    }

    public static List<String> twoDefaultsResolvedByAPlainMethod() {
        Both b = new Both();
        List<String> out = Hierarchies.drain(b.who());
        out.addAll(Hierarchies.drain(b.right()));
        out.addAll(Hierarchies.drain(((Right) b).who()));
        return out;
    }

    /** A default generator delegating to a private interface generator. */
    public interface Counter {
        @Generator
        default Gen<String> countTo(int n) {
            Yield.now("counting");
            Yield.from(steps(n));
            return Gen.done();
        }

        @Generator
        private Gen<String> steps(int n) {
            for (int i = 1; i <= n; i++) {
                Yield.now("step " + i);
            }
            return Gen.done();
        }

        @Generator
        static Gen<String> twice(Counter c) {
            Yield.from(c.countTo(1));
            Yield.from(c.countTo(1));
            return Gen.done();
        }
    }

    public static List<String> privateInterfaceGeneratorWithAnImplementorElsewhere() {
        ElsewhereImpl impl = new ElsewhereImpl();
        List<String> out = Hierarchies.drain(impl.countTo(2));
        out.addAll(Hierarchies.drain(impl.ownSteps(1)));
        out.addAll(Hierarchies.drain(Counter.twice(impl)));
        return out;
    }

    public static List<String> bodiesOf(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (java.lang.reflect.Method m : type.getMethods()) {
            names.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes()));
        }
        names.sort(null);
        return names;
    }
}
