package dev.gen4j.fuzz;

/**
 * What every generated program uses, imported statically: its exception types, a value class,
 * and helpers that are deterministic (so both runs of a program compute the same). Kept out of
 * the programs so that javac does not compile them again for each one. Public: the programs
 * live in another package.
 */
public final class ProgramLibrary {
    private ProgramLibrary() {
    }

    public static final class Oops extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Oops(String m) {
            super(m);
        }
    }

    /** Unrelated to Oops, so that both may appear in one multi-catch. */
    public static final class Bad extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public Bad(String m) {
            super(m);
        }
    }

    public static final class Checked extends Exception {
        private static final long serialVersionUID = 1L;

        public Checked(String m) {
            super(m);
        }
    }

    /** A value with a content-based text: what yielded objects may show. */
    public static final class Box {
        final Object a;
        final int b;

        public Box(Object a, int b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public String toString() {
            return "Box(" + a + "," + b + ")";
        }
    }

    /** A resource for try-with-resources; closing some of them fails. */
    public static final class Res implements AutoCloseable {
        final int id;

        public Res(int id) {
            this.id = id;
        }

        @Override
        public void close() {
            if ((id & 7) == 6) {
                throw new Bad("close " + id);
            }
        }

        @Override
        public String toString() {
            return "Res" + id;
        }
    }

    public static int asInt(Object o) {
        return o instanceof Integer ? (Integer) o : o == null ? -1 : o.toString().length();
    }

    public static int mix(int a, int b) {
        return a * 31 + b;
    }

    /** Throws now and then, from inside expressions. */
    public static int boom(int x) {
        if ((x & 15) == 5) {
            throw new Oops("boom " + x);
        }
        return x;
    }

    public static void check(int x) throws Checked {
        if ((x & 15) == 3) {
            throw new Checked("check " + x);
        }
    }

    /** An exception as a program may show it: the JVM's null-pointer messages name bytecode, so not those. */
    public static String msg(Throwable e) {
        String m = e instanceof NullPointerException ? "" : String.valueOf(e.getMessage());
        return e.getClass().getSimpleName() + ":" + m.replaceAll("@[0-9a-f]+", "@");
    }
}
