package org.cardiacrnn.preprocessing;

import org.cardiacrnn.data.ExpressionMatrix;

/** The per-sample steps shared by fitting and applying: missing values, library size, log1p. */
final class Steps {

    private static final double PER_MILLION = 1e6;

    private Steps() {
    }

    /** A copy of the matrix's values after interpolation (if configured), CPM and log1p. */
    static float[] perSample(ExpressionMatrix matrix, PreprocessingConfig config, int[][] orderedRowsPerTrajectory) {
        int n = matrix.sampleCount();
        int genes = matrix.geneCount();
        float[] values = matrix.values().clone();
        if (config.missingValues() == PreprocessingConfig.MissingValues.INTERPOLATE) {
            int[][] trajectories = orderedRowsPerTrajectory;
            if (trajectories == null) {
                int[] all = new int[n];
                for (int i = 0; i < n; i++) {
                    all[i] = i;
                }
                trajectories = new int[][] {all};
            }
            for (int[] rows : trajectories) {
                for (int g = 0; g < genes; g++) {
                    interpolate(values, genes, g, rows);
                }
            }
        }
        if (config.libraryNormalisation() == PreprocessingConfig.LibraryNormalisation.CPM) {
            for (int s = 0; s < n; s++) {
                double total = 0;
                for (int g = 0; g < genes; g++) {
                    float v = values[s * genes + g];
                    if (!Float.isNaN(v)) {
                        total += v;
                    }
                }
                // An empty library stays all zero rather than dividing by zero.
                double factor = total > 0 ? PER_MILLION / total : 0;
                for (int g = 0; g < genes; g++) {
                    values[s * genes + g] = (float) (values[s * genes + g] * factor);
                }
            }
        }
        if (config.log1p()) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] <= -1) {
                    throw new PreprocessingException("log1p needs values above -1 (counts or normalised counts), but "
                            + "sample \"" + matrix.sampleIds().get(i / genes) + "\" has " + values[i] + " for gene \""
                            + matrix.geneNames().get(i % genes) + "\"; turn log1p off for data already on a log scale");
                }
                values[i] = (float) Math.log1p(values[i]);
            }
        }
        return values;
    }

    /** Fills NaNs of one gene along one trajectory: linear between known neighbours, nearest at the ends. */
    private static void interpolate(float[] values, int genes, int gene, int[] rows) {
        int previous = -1;
        for (int k = 0; k < rows.length; k++) {
            float v = values[rows[k] * genes + gene];
            if (Float.isNaN(v)) {
                continue;
            }
            if (previous < 0) {
                for (int j = 0; j < k; j++) {
                    values[rows[j] * genes + gene] = v;
                }
            } else if (k - previous > 1) {
                float start = values[rows[previous] * genes + gene];
                for (int j = previous + 1; j < k; j++) {
                    double fraction = (double) (j - previous) / (k - previous);
                    values[rows[j] * genes + gene] = (float) (start + fraction * (v - start));
                }
            }
            previous = k;
        }
        if (previous >= 0) {
            float last = values[rows[previous] * genes + gene];
            for (int j = previous + 1; j < rows.length; j++) {
                values[rows[j] * genes + gene] = last;
            }
        }
    }
}
