package org.cardiacrnn.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.cardiacrnn.data.ExpressionMatrix;

/** Fits preprocessing on training samples only, so validation and test values never shape the statistics. */
public final class Preprocessor {

    private Preprocessor() {
    }

    /** Fits with the training rows treated as one trajectory in row order (for interpolation). */
    public static FittedPreprocessing fit(ExpressionMatrix matrix, int[] trainingRows, PreprocessingConfig config) {
        return fit(matrix, trainingRows, config, null);
    }

    /**
     * Fits gene selection and scaling statistics on {@code trainingRows}.
     *
     * @param orderedRowsPerTrajectory matrix rows of each trajectory in time order (may hold non-training rows,
     *                                 which are ignored); null treats the training rows as one trajectory
     */
    public static FittedPreprocessing fit(ExpressionMatrix matrix, int[] trainingRows, PreprocessingConfig config,
                                          int[][] orderedRowsPerTrajectory) {
        if (trainingRows.length == 0) {
            throw new PreprocessingException("cannot fit preprocessing: the training split holds no samples");
        }
        ExpressionMatrix training = matrix.selectSamples(trainingRows);
        List<String> genes = new ArrayList<>(matrix.geneNames());
        if (config.missingValues() == PreprocessingConfig.MissingValues.DROP_GENES) {
            genes = genesWithoutMissing(training);
            if (genes.isEmpty()) {
                throw new PreprocessingException("every gene has a missing value among the training samples, "
                        + "so dropping genes leaves nothing; interpolate them instead (missing values: interpolate; "
                        + "--missing-values interpolate on the command line)");
            }
            training = training.selectGenes(genes.stream().mapToInt(training::geneIndex).toArray());
        }
        float[] values = Steps.perSample(training, config, localTrajectories(trainingRows, orderedRowsPerTrajectory));
        int n = trainingRows.length;
        int geneCount = genes.size();
        double[] mean = new double[geneCount];
        double[] variance = new double[geneCount];
        double[] min = new double[geneCount];
        double[] max = new double[geneCount];
        for (int g = 0; g < geneCount; g++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                double v = values[s * geneCount + g];
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            mean[g] = sum / n;
            double squares = 0;
            for (int s = 0; s < n; s++) {
                double d = values[s * geneCount + g] - mean[g];
                squares += d * d;
            }
            variance[g] = squares / n;
            min[g] = lo;
            max[g] = hi;
        }
        int[] selected = mostVariable(selectionVariance(training, values, variance, config),
                config.topVariableGenes());
        List<String> selectedGenes = new ArrayList<>();
        double[] center = new double[selected.length];
        double[] scale = new double[selected.length];
        for (int i = 0; i < selected.length; i++) {
            int g = selected[i];
            if (Double.isNaN(mean[g])) {
                throw new PreprocessingException("gene \"" + genes.get(g) + "\" has no value in any training sample "
                        + "of some trajectory, so it cannot be interpolated; leave such genes out (missing values: "
                        + "drop genes; --missing-values drop-genes on the command line)");
            }
            selectedGenes.add(genes.get(g));
            switch (config.scaling()) {
                case NONE -> {
                    center[i] = 0;
                    scale[i] = 1;
                }
                case MIN_MAX -> {
                    center[i] = min[g];
                    scale[i] = nonZero(max[g] - min[g]);
                }
                case Z_SCORE -> {
                    center[i] = mean[g];
                    scale[i] = nonZero(Math.sqrt(variance[g]));
                }
                default -> throw new IllegalStateException();
            }
        }
        List<String> libraryGenes = config.libraryNormalisation() == PreprocessingConfig.LibraryNormalisation.CPM
                ? genes : List.of();
        return new FittedPreprocessing(config, libraryGenes, selectedGenes, center, scale);
    }

    // A gene constant on the training samples keeps its offset but is not blown up by a zero divisor.
    private static double nonZero(double spread) {
        return spread > 0 ? spread : 1;
    }

    /**
     * The variance genes are ranked by. After CPM and log1p the pseudo-count is 1 CPM; for libraries under a million
     * counts (pseudobulk of a few hundred cells, single cells) one count is then several CPM, and a rare gene
     * flickering between 0 and 1 count outranks a 5-fold programme. So the ranking uses log(CPM + prior) with a
     * prior of one count of the mean training library (as edgeR's prior count does), never below today's 1 CPM:
     * libraries of a million counts or more rank exactly as before. Scaling still uses the log1p values.
     */
    private static double[] selectionVariance(ExpressionMatrix training, float[] values, double[] variance,
                                              PreprocessingConfig config) {
        int geneCount = training.geneCount();
        int top = config.topVariableGenes();
        if (config.libraryNormalisation() != PreprocessingConfig.LibraryNormalisation.CPM || !config.log1p()
                || top == 0 || top >= geneCount) {
            return variance;
        }
        int n = training.sampleCount();
        double libraries = 0;
        for (float v : training.values()) {
            libraries += Float.isNaN(v) ? 0 : v;
        }
        double prior = libraries > 0 ? 1e6 / (libraries / n) : 1;
        if (prior <= 1) {
            return variance;
        }
        double[] ranked = new double[geneCount];
        for (int g = 0; g < geneCount; g++) {
            double sum = 0;
            double squares = 0;
            for (int s = 0; s < n; s++) {
                double v = Math.log(Math.expm1(values[s * geneCount + g]) + prior);
                sum += v;
                squares += v * v;
            }
            double mean = sum / n;
            ranked[g] = Math.max(0, squares / n - mean * mean);
        }
        return ranked;
    }

    /** Indices of the top genes by variance (ties keep file order), returned in file order. */
    private static int[] mostVariable(double[] variance, int top) {
        if (top == 0 || top >= variance.length) {
            return IntStream.range(0, variance.length).toArray();
        }
        int[] chosen = IntStream.range(0, variance.length).boxed()
                .sorted(Comparator.comparingDouble((Integer g) -> -(Double.isNaN(variance[g]) ? -1 : variance[g])))
                .limit(top).mapToInt(Integer::intValue).toArray();
        Arrays.sort(chosen);
        return chosen;
    }

    private static List<String> genesWithoutMissing(ExpressionMatrix training) {
        List<String> kept = new ArrayList<>();
        for (int g = 0; g < training.geneCount(); g++) {
            boolean complete = true;
            for (float v : training.geneColumn(g)) {
                if (Float.isNaN(v)) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                kept.add(training.geneNames().get(g));
            }
        }
        return kept;
    }

    /** Trajectories restricted to training rows, renumbered to positions in the training matrix. */
    private static int[][] localTrajectories(int[] trainingRows, int[][] trajectories) {
        if (trajectories == null) {
            return null;
        }
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < trainingRows.length; i++) {
            position.put(trainingRows[i], i);
        }
        List<int[]> local = new ArrayList<>();
        for (int[] rows : trajectories) {
            local.add(Arrays.stream(rows).filter(position::containsKey).map(position::get).toArray());
        }
        return local.toArray(int[][]::new);
    }
}
