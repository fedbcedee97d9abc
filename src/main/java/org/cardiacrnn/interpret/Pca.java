package org.cardiacrnn.interpret;

/**
 * Principal components of a small table (rows = sequences), by power iteration on the covariance matrix in
 * double precision: deterministic, and enough for a 2-D map of a few thousand embeddings of a few hundred units.
 */
public final class Pca {

    private static final int ITERATIONS = 300;

    private Pca() {
    }

    /**
     * Projections of the centred rows on the first {@code components} principal axes, {@code [row][component]};
     * each axis's sign is chosen so its largest loading is positive, so the same data give the same picture.
     */
    public static double[][] project(float[][] rows, int components) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    covariance[a][b] += centred[a] * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                covariance[a][b] = covariance[b][a];
            }
        }
        double[][] axes = new double[components][];
        for (int c = 0; c < components; c++) {
            axes[c] = leadingAxis(covariance, axes, c, d);
        }
        double[][] projected = new double[n][components];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < components; c++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += (rows[i][j] - mean[j]) * axes[c][j];
                }
                projected[i][c] = sum;
            }
        }
        return projected;
    }

    /** The leading eigenvector of the covariance, kept orthogonal to the axes found before. */
    private static double[] leadingAxis(double[][] covariance, double[][] previous, int found, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 / Math.sqrt(d) * (1 + 0.01 * j);
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            orthogonalise(v, previous, found);
            double[] next = new double[d];
            for (int a = 0; a < d; a++) {
                double sum = 0;
                for (int b = 0; b < d; b++) {
                    sum += covariance[a][b] * v[b];
                }
                next[a] = sum;
            }
            orthogonalise(next, previous, found);
            double norm = Math.sqrt(dot(next, next));
            if (norm == 0) {
                break;
            }
            for (int j = 0; j < d; j++) {
                v[j] = next[j] / norm;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            largest = Math.abs(v[j]) > Math.abs(v[largest]) ? j : largest;
        }
        if (d > 0 && v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static void orthogonalise(double[] v, double[][] previous, int found) {
        for (int c = 0; c < found; c++) {
            double projection = dot(v, previous[c]);
            for (int j = 0; j < v.length; j++) {
                v[j] -= projection * previous[c][j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
