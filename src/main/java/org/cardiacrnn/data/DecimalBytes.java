package org.cardiacrnn.data;

/**
 * Exact fast path for decimal numbers written as ASCII bytes, such as {@code -12.3456} or {@code 4.5e-3}.
 * The digits become a long mantissa and a power of ten; when the mantissa is below 2^24 and the power within
 * ±10, both are exact floats, so one float multiplication or division is correctly rounded and the result
 * equals {@link Float#parseFloat}. Anything else is left to the caller's slow path.
 */
final class DecimalBytes {

    private static final float[] POW10 = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final long EXACT_FLOAT_MANTISSA = 1L << 24;
    private static final int MAX_DIGITS = 18;

    private DecimalBytes() {
    }

    /** The value of bytes {@code [from, to)}, or NaN when the token is not a number this fast path can do exactly. */
    static float parseExact(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = i < to && bytes[i] == '-';
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
            mantissa = mantissa * 10 + (bytes[i++] - '0');
            digits++;
        }
        if (i < to && bytes[i] == '.') {
            i++;
            while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
                mantissa = mantissa * 10 + (bytes[i++] - '0');
                digits++;
                fraction++;
            }
        }
        int power = -fraction;
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E') && digits > 0) {
            int e = i + 1;
            boolean negativeExponent = e < to && bytes[e] == '-';
            if (e < to && (bytes[e] == '-' || bytes[e] == '+')) {
                e++;
            }
            int exponent = 0;
            int exponentDigits = 0;
            while (e < to && bytes[e] >= '0' && bytes[e] <= '9' && exponentDigits < 4) {
                exponent = exponent * 10 + (bytes[e++] - '0');
                exponentDigits++;
            }
            if (exponentDigits > 0) {
                power += negativeExponent ? -exponent : exponent;
                i = e;
            }
        }
        if (i != to || digits == 0 || digits > MAX_DIGITS || mantissa >= EXACT_FLOAT_MANTISSA
                || power < -10 || power > 10) {
            return Float.NaN;
        }
        float value = power < 0 ? mantissa / POW10[-power] : mantissa * POW10[power];
        return negative ? -value : value;
    }
}
