package dev.gen4j.samples.evaluator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Python's arithmetic on the evaluator's values, so that results print as Python prints them:
 * ints of any size ({@link BigInteger}), {@code /} giving a float ({@link Double}), and
 * {@code repr} of floats ({@code 3.5}, {@code 25.0}, {@code 1e+16}).
 */
public final class PyNumbers {
    /** Python's {@code ZeroDivisionError} and {@code OverflowError}. */
    public static final class PyArithmeticError extends ArithmeticException {
        private static final long serialVersionUID = 1L;
        private final String pythonType;

        PyArithmeticError(String pythonType, String message) {
            super(message);
            this.pythonType = pythonType;
        }

        /** The Python exception this stands for, e.g. {@code ZeroDivisionError}. */
        public String pythonType() {
            return pythonType;
        }

        @Override
        public String toString() {
            return pythonType + ": " + getMessage();
        }
    }

    private static final BigInteger EXACT_DOUBLE = BigInteger.ONE.shiftLeft(53);

    private PyNumbers() {
    }

    /** {@code left op right} for an int or float on each side. */
    public static Object apply(String op, Object left, Object right) {
        if (left instanceof BigInteger a && right instanceof BigInteger b) {
            switch (op) {
                case "+": return a.add(b);
                case "-": return a.subtract(b);
                case "*": return a.multiply(b);
                case "/": return trueDivide(a, b);
                default: throw new IllegalArgumentException("unknown operator " + op);
            }
        }
        double a = toFloat(left);
        double b = toFloat(right);
        switch (op) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "/":
                if (b == 0.0) {
                    throw new PyArithmeticError("ZeroDivisionError", "float division by zero");
                }
                return a / b;
            default: throw new IllegalArgumentException("unknown operator " + op);
        }
    }

    /** int / int: the correctly rounded float of the exact quotient. */
    private static double trueDivide(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            throw new PyArithmeticError("ZeroDivisionError", "division by zero");
        }
        if (a.abs().compareTo(EXACT_DOUBLE) <= 0 && b.abs().compareTo(EXACT_DOUBLE) <= 0) {
            return a.doubleValue() / b.doubleValue();   // both exact: one IEEE division rounds once
        }
        double q = new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL128).doubleValue();
        if (Double.isInfinite(q)) {
            throw new PyArithmeticError("OverflowError", "integer division result too large for a float");
        }
        return q;
    }

    private static double toFloat(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        double d = ((BigInteger) value).doubleValue();
        if (Double.isInfinite(d)) {
            throw new PyArithmeticError("OverflowError", "int too large to convert to float");
        }
        return d;
    }

    /** What Python's {@code print} shows for the value. */
    public static String repr(Object value) {
        if (value instanceof Double d) {
            return floatRepr(d);
        }
        return value.toString();
    }

    /** Python's float repr: the shortest digits, positional from 1e-4 up to 1e16, else 1.5e-05. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();   // d = digits[0].digits[1:] * 10^exponent
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
