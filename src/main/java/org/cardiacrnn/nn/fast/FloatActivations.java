package org.cardiacrnn.nn.fast;

/**
 * tanh and the logistic sigmoid in place on float arrays, as a rational function that the JIT compiles to
 * vector instructions: about 0.6 ns per value on this machine, where ND4J's float ops took 5.9 ns (tanh) and
 * 2.5 ns (sigmoid). The function is the classic minimax rational approximation of tanh on [-7.9, 7.9] (odd
 * numerator of degree 13, even denominator of degree 6), evaluated up to ±9, where it reaches ±1 in float as
 * float tanh does, and clamped beyond. Largest error against {@link Math#tanh}: 3.3e-7 (a few float
 * roundings); the sigmoid, as 1/2 + tanh(x/2)/2, is within 1.7e-7 of the exact value (see the tests).
 */
final class FloatActivations {

    /** Where the approximation, evaluated in fused multiply-adds, first gives exactly 1 in float. */
    private static final float LIMIT = 9f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private FloatActivations() {
    }

    /** {@code values[i] = tanh(values[i])} for {@code from <= i < to}. */
    static void tanh(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = tanhOf(values[i]);
        }
    }

    /** {@code values[i] = 1 / (1 + exp(-values[i]))} for {@code from <= i < to}. */
    static void sigmoid(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = 0.5f + 0.5f * tanhOf(0.5f * values[i]);
        }
    }

    /**
     * Horner's scheme in fused multiply-adds ({@link Math#fma}, which the JIT vectorises): Java never fuses
     * {@code a * b + c} by itself, and the separate products and sums took a third longer.
     */
    private static float tanhOf(float value) {
        float x = Math.max(-LIMIT, Math.min(LIMIT, value));
        float x2 = x * x;
        float p = Math.fma(x2, A13, A11);
        p = Math.fma(x2, p, A9);
        p = Math.fma(x2, p, A7);
        p = Math.fma(x2, p, A5);
        p = Math.fma(x2, p, A3);
        p = Math.fma(x2, p, A1);
        float q = Math.fma(x2, B6, B4);
        q = Math.fma(x2, q, B2);
        q = Math.fma(x2, q, B0);
        return x * p / q;
    }
}
