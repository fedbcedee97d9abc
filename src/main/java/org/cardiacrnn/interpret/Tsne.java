package org.cardiacrnn.interpret;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Exact t-SNE (van der Maaten and Hinton, 2008) of a small table (rows = sequences) onto two dimensions:
 * Gaussian neighbourhoods calibrated per point to a perplexity by binary search, Student-t similarities in the
 * map, and gradient descent with early exaggeration, momentum and per-coordinate gains. Every step costs
 * n² pairs, so a test split of a few hundred sequences takes well under a second; above {@link #EXACT_LIMIT}
 * rows a seeded random subset is mapped and every other row is placed at the mean position of its nearest
 * mapped neighbours in the original space (it shapes none of the map). Single-threaded and seeded, and the
 * calibration uses {@link StrictMath}, so the same rows and settings give the same map on any machine.
 */
public final class Tsne {

    /** Rows mapped by exact t-SNE; more are placed by their neighbours (see the class comment). */
    public static final int EXACT_LIMIT = 2000;

    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final double EXAGGERATION = 12;
    private static final int PLACEMENT_NEIGHBOURS = 10;
    private static final int CANCEL_CHECK_EVERY = 10;
    private static final double ENTROPY_TOLERANCE = 1e-6;

    /**
     * @param perplexity the effective number of neighbours each point keeps (5-50 is usual); lowered to a third of
     *                   the rows when there are few
     * @param iterations gradient steps, the first 250 of them with exaggerated neighbourhoods
     * @param seed       of the starting positions and of the subset drawn above {@link #EXACT_LIMIT} rows
     */
    public record Settings(double perplexity, int iterations, long seed) {
        public Settings {
            if (!(perplexity >= 1 && perplexity <= 1000)) {
                throw new InterpretException("the t-SNE perplexity must be between 1 and 1000 (5-50 is usual); got "
                        + perplexity);
            }
            if (iterations < 1 || iterations > 100_000) {
                throw new InterpretException("t-SNE needs between 1 and 100000 iterations (1000 is usual); got "
                        + iterations);
            }
        }

        /** Perplexity 30, 1,000 iterations, seed 42. */
        public static Settings defaults() {
            return new Settings(30, 1000, 42);
        }
    }

    /**
     * @param points       {@code [row][2]}, centred on the origin
     * @param perplexity   the perplexity used (lower than asked for when there were few rows)
     * @param mapped       rows that shaped the map: all of them, or {@link #EXACT_LIMIT} above that
     * @param divergence   Kullback-Leibler divergence of the mapped rows' similarities at the end (lower is better)
     */
    public record Result(double[][] points, double perplexity, int mapped, double divergence) {
    }

    /** Told every few iterations how many of them are done. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private Tsne() {
    }

    /**
     * Maps the rows onto two dimensions.
     *
     * @param cancelled asked every few iterations; when it says yes, {@link MapCancelledException} is thrown
     */
    public static Result map(float[][] rows, Settings settings, Progress progress, BooleanSupplier cancelled) {
        return map(rows, settings, EXACT_LIMIT, progress, cancelled);
    }

    static Result map(float[][] rows, Settings settings, int exactLimit, Progress progress,
                      BooleanSupplier cancelled) {
        int n = rows.length;
        if (n < 2) {
            return new Result(new double[n][2], 0, n, 0);
        }
        Random random = new Random(settings.seed());
        int[] subset = subset(n, exactLimit, random);
        double[][] distances = squaredDistances(rows, subset);
        int m = subset.length;
        double perplexity = Math.min(settings.perplexity(), Math.max(1, (m - 1) / 3.0));
        double[] p = jointProbabilities(distances, perplexity);
        double[][] mapped = descend(p, m, settings.iterations(), random, progress, cancelled);
        double divergence = divergence(p, mapped);
        double[][] points = new double[n][];
        for (int i = 0; i < m; i++) {
            points[subset[i]] = mapped[i];
        }
        if (m < n) {
            placeTheRest(rows, subset, points);
        }
        centre(points);
        return new Result(points, perplexity, m, divergence);
    }

    /**
     * Conditional probabilities p(j | i) of row {@code i}'s neighbours, from its squared distances to every row,
     * with the Gaussian's precision found by binary search so their entropy (in nats) is log(perplexity).
     */
    static double[] conditional(double[] squaredDistances, int self, double perplexity) {
        int n = squaredDistances.length;
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != self) {
                nearest = Math.min(nearest, squaredDistances[j]);
            }
        }
        double target = StrictMath.log(perplexity);
        double beta = 1;
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double[] p = new double[n];
        for (int iteration = 0; iteration < 200; iteration++) {
            double entropy = fill(p, squaredDistances, self, nearest, beta);
            if (Math.abs(entropy - target) < ENTROPY_TOLERANCE) {
                break;
            }
            // Entropy falls as the precision rises.
            if (entropy > target) {
                low = beta;
                beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        return p;
    }

    /** Entropy of the row's distribution at precision {@code beta}; distances are offset by the nearest one so
     * that the exponentials neither underflow nor overflow. */
    private static double fill(double[] p, double[] squaredDistances, int self, double nearest, double beta) {
        double sum = 0;
        double weighted = 0;
        for (int j = 0; j < p.length; j++) {
            if (j == self) {
                p[j] = 0;
                continue;
            }
            double shifted = squaredDistances[j] - nearest;
            p[j] = StrictMath.exp(-beta * shifted);
            sum += p[j];
            weighted += p[j] * shifted;
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return StrictMath.log(sum) + beta * weighted / sum;
    }

    static double entropy(double[] p) {
        double h = 0;
        for (double value : p) {
            if (value > 0) {
                h -= value * Math.log(value);
            }
        }
        return h;
    }

    private static int[] subset(int n, int limit, Random random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= limit) {
            return all;
        }
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, limit);
        Arrays.sort(chosen);
        return chosen;
    }

    private static double[][] squaredDistances(float[][] rows, int[] subset) {
        int m = subset.length;
        double[][] distances = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double d = squaredDistance(rows[subset[a]], rows[subset[b]]);
                distances[a][b] = d;
                distances[b][a] = d;
            }
        }
        return distances;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }

    /** Symmetrised p_ij = (p(j|i) + p(i|j)) / 2n, row-major. */
    private static double[] jointProbabilities(double[][] distances, double perplexity) {
        int m = distances.length;
        double[] p = new double[m * m];
        for (int i = 0; i < m; i++) {
            double[] row = conditional(distances[i], i, perplexity);
            for (int j = 0; j < m; j++) {
                p[i * m + j] += row[j] / (2.0 * m);
                p[j * m + i] += row[j] / (2.0 * m);
            }
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.max(p[k], 1e-12);
        }
        for (int i = 0; i < m; i++) {
            p[i * m + i] = 0;
        }
        return p;
    }

    private static double[][] descend(double[] p, int m, int iterations, Random random, Progress progress,
                                      BooleanSupplier cancelled) {
        double[][] y = new double[m][2];
        for (double[] point : y) {
            point[0] = 1e-4 * random.nextGaussian();
            point[1] = 1e-4 * random.nextGaussian();
        }
        double[][] velocity = new double[m][2];
        double[][] gains = new double[m][2];
        for (double[] gain : gains) {
            Arrays.fill(gain, 1);
        }
        // The learning rate of Belkina et al. (2019): the number of points over the exaggeration, at least 50.
        double learningRate = Math.max(50, m / EXAGGERATION);
        double[][] gradient = new double[m][2];
        double[] q = new double[m * m];
        for (int iteration = 0; iteration < iterations; iteration++) {
            if (iteration % CANCEL_CHECK_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new MapCancelledException();
                }
                progress.update(iteration, iterations);
            }
            double exaggeration = iteration < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
            double momentum = iteration < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
            double qSum = studentT(y, q);
            for (int i = 0; i < m; i++) {
                double gx = 0;
                double gy = 0;
                for (int j = 0; j < m; j++) {
                    double kernel = q[i * m + j];
                    double force = (exaggeration * p[i * m + j] - kernel / qSum) * kernel;
                    gx += force * (y[i][0] - y[j][0]);
                    gy += force * (y[i][1] - y[j][1]);
                }
                gradient[i][0] = 4 * gx;
                gradient[i][1] = 4 * gy;
            }
            for (int i = 0; i < m; i++) {
                for (int d = 0; d < 2; d++) {
                    boolean sameDirection = Math.signum(gradient[i][d]) == Math.signum(velocity[i][d]);
                    gains[i][d] = Math.max(0.01, sameDirection ? gains[i][d] * 0.8 : gains[i][d] + 0.2);
                    velocity[i][d] = momentum * velocity[i][d] - learningRate * gains[i][d] * gradient[i][d];
                    y[i][d] += velocity[i][d];
                }
            }
            centre(y);
        }
        progress.update(iterations, iterations);
        return y;
    }

    /** Fills {@code q} with the unnormalised kernel 1 / (1 + |y_i - y_j|²) and returns its sum. */
    private static double studentT(double[][] y, double[] q) {
        int m = y.length;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            q[i * m + i] = 0;
            for (int j = i + 1; j < m; j++) {
                double dx = y[i][0] - y[j][0];
                double dy = y[i][1] - y[j][1];
                double kernel = 1 / (1 + dx * dx + dy * dy);
                q[i * m + j] = kernel;
                q[j * m + i] = kernel;
                sum += 2 * kernel;
            }
        }
        return sum;
    }

    private static double divergence(double[] p, double[][] y) {
        int m = y.length;
        double[] q = new double[m * m];
        double qSum = studentT(y, q);
        double kl = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    kl += p[i * m + j] * Math.log(p[i * m + j] / Math.max(q[i * m + j] / qSum, 1e-300));
                }
            }
        }
        return kl;
    }

    private static void placeTheRest(float[][] rows, int[] subset, double[][] points) {
        int k = Math.min(PLACEMENT_NEIGHBOURS, subset.length);
        for (int i = 0; i < rows.length; i++) {
            if (points[i] != null) {
                continue;
            }
            double[] distance = new double[subset.length];
            Integer[] order = new Integer[subset.length];
            for (int s = 0; s < subset.length; s++) {
                distance[s] = squaredDistance(rows[i], rows[subset[s]]);
                order[s] = s;
            }
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0
                    : distance[a] != distance[b] ? Double.compare(distance[a], distance[b]) : Integer.compare(a, b));
            double[] position = new double[2];
            for (int r = 0; r < k; r++) {
                double[] neighbour = points[subset[order[r]]];
                position[0] += neighbour[0] / k;
                position[1] += neighbour[1] / k;
            }
            points[i] = position;
        }
    }

    private static void centre(double[][] points) {
        double[] mean = new double[2];
        for (double[] point : points) {
            mean[0] += point[0] / points.length;
            mean[1] += point[1] / points.length;
        }
        for (double[] point : points) {
            point[0] -= mean[0];
            point[1] -= mean[1];
        }
    }
}
