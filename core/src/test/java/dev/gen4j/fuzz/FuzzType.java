package dev.gen4j.fuzz;

/** The types of the values a generated program computes with. */
enum FuzzType {
    BOOLEAN("boolean"), BYTE("byte"), CHAR("char"), SHORT("short"), INT("int"), LONG("long"),
    FLOAT("float"), DOUBLE("double"), STRING("String"), OBJECT("Object"),
    /** An interface type: holds a String or a StringBuilder. */
    CHAR_SEQUENCE("CharSequence"),
    /** An abstract class: holds an Integer, a Long or a Double, so merged types go through the JDK's classes. */
    NUMBER("Number"),
    INT_ARRAY("int[]"), LONG_ARRAY("long[]"), STRING_ARRAY("String[]"),
    /** A caught exception: never declared by the generator, only read (through msg(e)) and rethrown. */
    THROWABLE("Throwable"),
    /**
     * A generator made by {@code Gen.generate}, held in a final local until something delegates
     * to it: never declared by the generator otherwise, and never read as a value.
     */
    GEN("#Kept");

    /** The types a local or a parameter can be declared with. */
    static final FuzzType[] DECLARABLE = {BOOLEAN, BYTE, CHAR, SHORT, INT, LONG, FLOAT, DOUBLE, STRING, OBJECT,
        CHAR_SEQUENCE, NUMBER, INT_ARRAY, LONG_ARRAY, STRING_ARRAY};

    final String java;

    FuzzType(String java) {
        this.java = java;
    }

    boolean isArray() {
        return this == INT_ARRAY || this == LONG_ARRAY || this == STRING_ARRAY;
    }

    /** The element type of an array type. */
    FuzzType element() {
        switch (this) {
            case INT_ARRAY: return INT;
            case LONG_ARRAY: return LONG;
            case STRING_ARRAY: return STRING;
            default: throw new IllegalArgumentException(this + " is not an array");
        }
    }

    /** Whether a value of this type may be used where {@code target} is expected, without a cast. */
    boolean widensTo(FuzzType target) {
        if (this == target) {
            return true;
        }
        switch (target) {
            case CHAR_SEQUENCE: return this == STRING;
            case SHORT: return this == BYTE;
            case INT: return this == BYTE || this == SHORT || this == CHAR;
            case LONG: case FLOAT: case DOUBLE:
                return this == BYTE || this == SHORT || this == CHAR || this == INT
                        || (this == LONG && target != LONG) || (this == FLOAT && target == DOUBLE);
            default: return false;
        }
    }

    boolean isNumeric() {
        return this == BYTE || this == CHAR || this == SHORT || this == INT || this == LONG || this == FLOAT
                || this == DOUBLE;
    }
}
