package org.cardiacrnn.data;

/**
 * Figures a person checks after loading: shape, value range, missing values and the share of zeros.
 *
 * @param minValue the smallest finite value (NaN when every value is missing)
 */
public record MatrixSummary(int samples, int genes, float minValue, float maxValue, long missingValues,
                            long zeroValues, double zeroPercent) {

    /** Computes the summary in one pass over the matrix. */
    public static MatrixSummary of(ExpressionMatrix matrix) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long missing = 0;
        long zeros = 0;
        for (float v : matrix.values()) {
            if (Float.isNaN(v)) {
                missing++;
                continue;
            }
            if (v == 0f) {
                zeros++;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long total = matrix.values().length;
        boolean none = total == missing;
        return new MatrixSummary(matrix.sampleCount(), matrix.geneCount(), none ? Float.NaN : min,
                none ? Float.NaN : max, missing, zeros, total == 0 ? 0 : 100.0 * zeros / total);
    }
}
