package dev.gen4j.rewrite.shapes;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators in class hierarchies: overrides that delegate to {@code super}, private generators
 * of the same name in a class and its subclass, user methods whose names and descriptors look
 * like what the rewrite adds. Each {@code static List<String>} method is one scenario; the tests
 * run it with the agent and on classes instrumented ahead of time.
 */
public final class Hierarchies {
    private Hierarchies() {
    }

    static List<String> drain(Gen<?> g) {
        List<String> out = new ArrayList<>();
        for (Object v : g) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    // --- super delegation, 3 levels ---

    public static class Base {
        @Generator
        public Gen<String> names() {
            Yield.now("base");
            return Gen.done("b");
        }
    }

    public static class Middle extends Base {
        @Generator
        @Override
        public Gen<String> names() {
            Yield.now("middle");
            String r = Yield.from(super.names());
            Yield.now("middle got " + r);
            return Gen.done("m");
        }
    }

    public static class Leaf extends Middle {
        @Generator
        @Override
        public Gen<String> names() {
            Yield.now("leaf");
            String r = Yield.from(super.names());
            Yield.now("leaf got " + r);
            return Gen.done("l");
        }
    }

    public static List<String> superTwoLevels() {
        return drain(new Middle().names());
    }

    public static List<String> superThreeLevels() {
        return drain(new Leaf().names());
    }

    public static List<String> superFromAnAnonymousSubclass() {
        Base anonymous = new Middle() {
            @Generator
            @Override
            public Gen<String> names() {
                Yield.now("anonymous");
                Yield.from(super.names());
                return Gen.done();
            }
        };
        return drain(anonymous.names());
    }

    public enum Planet {
        MERCURY,
        EARTH {
            @Generator
            @Override
            Gen<String> moons() {
                Yield.from(super.moons());
                Yield.now("Moon");
                return Gen.done();
            }
        };

        @Generator
        Gen<String> moons() {
            Yield.now(name() + ":");
            return Gen.done();
        }
    }

    public static List<String> superFromAnEnumConstantBody() {
        List<String> out = new ArrayList<>();
        for (Planet p : Planet.values()) {
            out.addAll(drain(p.moons()));
        }
        return out;
    }

    // --- private generators of the same name and parameters in a class and its subclass ---

    public static class PrivateBase {
        @Generator
        private Gen<String> secret(int n) {
            Yield.now("base " + n);
            return Gen.done();
        }

        public Gen<String> baseSecret(int n) {
            return secret(n);
        }
    }

    public static class PrivateSub extends PrivateBase {
        @Generator
        private Gen<String> secret(int n) {
            long big = n * 10L;
            Yield.now("sub " + big);
            return Gen.done();
        }

        public Gen<String> subSecret(int n) {
            return secret(n);
        }
    }

    /** The subclass's frame first, then the base's, on an instance of the subclass. */
    public static List<String> privateSameNameSubclassFirst() {
        PrivateSub s = new PrivateSub();
        List<String> out = new ArrayList<>(drain(s.subSecret(1)));
        out.addAll(drain(s.baseSecret(2)));
        return out;
    }

    public static class PrivateBase2 {
        @Generator
        private Gen<String> secret(int n) {
            Yield.now("base " + n);
            return Gen.done();
        }

        public Gen<String> baseSecret(int n) {
            return secret(n);
        }
    }

    public static class PrivateSub2 extends PrivateBase2 {
        @Generator
        private Gen<String> secret(int n) {
            Yield.now("sub " + n);
            return Gen.done();
        }

        public Gen<String> subSecret(int n) {
            return secret(n);
        }
    }

    /** The base's frame first (on an instance of the subclass), then the subclass's. */
    public static List<String> privateSameNameBaseFirst() {
        PrivateSub2 s = new PrivateSub2();
        List<String> out = new ArrayList<>(drain(s.baseSecret(1)));
        out.addAll(drain(s.subSecret(2)));
        out.addAll(drain(s.baseSecret(3)));
        return out;
    }

    // --- user methods shaped like what the rewrite adds ---

    public static class Producer {
        @Generator
        public Gen<String> process() {
            Yield.now("one");
            Yield.now("two");
            return Gen.done();
        }
    }

    public static class ProducerWithHelper extends Producer {
        /** Has the name and descriptor an inherited generator's body once had. */
        public Object process(Gen<?> g) {
            return "helper";
        }
    }

    public static List<String> subclassMethodTakingAGen() {
        return drain(new ProducerWithHelper().process());
    }

    public static class Pipes {
        @Generator
        static Gen<String> pipe() {
            Yield.now("piped");
            return Gen.done();
        }

        /** Same name as the generator, taking a Gen and returning Object. */
        static Object pipe(Gen<?> g) {
            return "user pipe";
        }
    }

    public static List<String> userMethodShapedLikeABody() {
        List<String> out = drain(Pipes.pipe());
        out.add(String.valueOf(Pipes.pipe(Gen.of(List.of()))));
        return out;
    }

    public static class Overloads {
        @Generator
        static Gen<String> a() {
            Yield.now("a()");
            return Gen.done();
        }

        @Generator
        static Gen<String> a(int n) {
            Yield.now("a(" + n + ")");
            return Gen.done();
        }

        static String a$2() {
            return "user a$2";
        }

        static String a$1() {
            return "user a$1";
        }
    }

    public static List<String> overloadsNextToDollarNames() {
        List<String> out = drain(Overloads.a());
        out.addAll(drain(Overloads.a(2)));
        out.add(Overloads.a$1());
        out.add(Overloads.a$2());
        return out;
    }

    /** A nested class whose binary name is what a frame class of {@link Overloads} was once called. */
    public static class Gen$a {
        public static String who() {
            return "user class";
        }
    }
}
