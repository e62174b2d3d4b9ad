package dev.gen4j.rewrite.shapes;

import dev.gen4j.Gen;
import dev.gen4j.GenBody;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Generator lambdas: {@code Gen.generate(() -> { ... Yield.now(x) ... })}. One scenario per method. */
public final class Lambdas {
    private final String name;

    private Lambdas(String name) {
        this.name = name;
    }

    public static List<String> capturesLocals() {
        int limit = 3;
        String prefix = "n";
        return Hierarchies.drain(Gen.generate(() -> {
            for (int i = 0; i < limit; i++) {
                Yield.now(prefix + i);
            }
        }));
    }

    private Gen<String> greetings(String who) {
        return Gen.generate(() -> {
            Yield.now(name + " greets " + who);
            Yield.now(name + " waves");
        });
    }

    public static List<String> capturesThis() {
        return Hierarchies.drain(new Lambdas("ann").greetings("bob"));
    }

    public static List<String> oneBodyMakesIndependentGenerators() {
        long[] made = {0};
        GenBody body = () -> {
            long id = ++made[0];
            Yield.now("a" + id);
            Yield.now("b" + id);
        };
        Gen<String> first = Gen.generate(body);
        Gen<String> second = Gen.generate(body);
        List<String> out = new ArrayList<>();
        out.add(first.next());
        out.add(second.next());
        out.add(second.next());
        out.add(first.next());
        out.add(String.valueOf(first.hasNext()) + second.hasNext());
        return out;
    }

    public static List<String> sendRaiseCloseAndFinally() {
        List<String> log = new ArrayList<>();
        Gen<String> g = Gen.generate(() -> {
            try {
                String got = Yield.now("ready");
                log.add("got " + got);
                try {
                    Yield.now("second");
                } catch (IllegalArgumentException e) {
                    log.add("caught " + e.getMessage());
                    Yield.now("after catch");
                }
                Yield.now("last");
            } finally {
                log.add("finally");
            }
        });
        log.add(g.next());
        log.add(g.send("hello"));
        log.add(g.raise(new IllegalArgumentException("bad")));
        log.add(g.next());
        g.close();
        log.add("done " + g.isDone());
        return log;
    }

    @Generator
    static Gen<String> helper(int n) {
        for (int i = 0; i < n; i++) {
            Yield.now("helper " + i);
        }
        return Gen.done("helped");
    }

    public static List<String> delegatesWithYieldFrom() {
        return Hierarchies.drain(Gen.generate(() -> {
            String r = Yield.from(helper(2));
            Yield.now(r);
            Yield.from(Gen.generate(() -> Yield.now("inner lambda")));
        }));
    }

    public static List<String> checkedExceptionsComeOutUnchanged() {
        IOException[] thrown = new IOException[1];
        Gen<String> g = Gen.generate(() -> {
            Yield.now("before");
            thrown[0] = new IOException("disk");
            throw thrown[0];
        });
        List<String> out = new ArrayList<>();
        out.add(g.next());
        try {
            g.next();
            out.add("no exception");
        } catch (Throwable t) {
            out.add((t == thrown[0]) + " " + t.getStackTrace()[0].getMethodName().startsWith("lambda$"));
        }
        out.add(String.valueOf(g.isDone()));
        return out;
    }

    public static List<String> creationRunsNoneOfTheBody() {
        List<String> log = new ArrayList<>();
        Gen<String> g = Gen.generate(() -> {
            log.add("started");
            Yield.now("x");
        });
        log.add("created");
        log.add(g.next());
        return log;
    }

    public static List<String> aSerializableLambdaStillDeserializes() throws Exception {
        int base = 40;
        GenBody body = (GenBody & Serializable) () -> {
            Yield.now(base + 1);
            Yield.now(base + 2);
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(body);
        }
        GenBody copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, Lambdas.class.getClassLoader());
            }
        }) {
            copy = (GenBody) in.readObject();
        }
        return Hierarchies.drain(Gen.generate(copy));
    }

    public static List<String> everyPrimitiveAndTheStackSurviveAResume() {
        return Hierarchies.drain(Gen.generate(() -> {
            long big = 1L << 40;
            double d = 0.5;
            char c = 'z';
            int[] xs = {1, 2};
            String s = "s" + Yield.now("first") + big + d + c + xs[1];
            Yield.now(s);
        }));
    }
}
