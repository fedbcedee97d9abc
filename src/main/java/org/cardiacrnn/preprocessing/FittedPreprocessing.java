package org.cardiacrnn.preprocessing;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.data.ExpressionMatrix;

/**
 * Preprocessing fitted on training samples, ready to apply to any matrix holding the same genes
 * (validation, test, or a new file). Serialises to JSON with Jackson so a run can be reproduced.
 *
 * @param config        the settings it was fitted with
 * @param libraryGenes  genes whose sum is a sample's library size (CPM only; empty otherwise)
 * @param genes         the selected genes, in output order
 * @param center        per selected gene: value subtracted (mean for z-score, minimum for min-max, 0 for none)
 * @param scale         per selected gene: divisor (sd for z-score, max − min for min-max, 1 for none)
 */
public record FittedPreprocessing(PreprocessingConfig config, List<String> libraryGenes, List<String> genes,
                                  double[] center, double[] scale) {

    public FittedPreprocessing {
        libraryGenes = List.copyOf(libraryGenes);
        genes = List.copyOf(genes);
        if (center.length != genes.size() || scale.length != genes.size()) {
            throw new PreprocessingException("fitted preprocessing needs one centre and one scale per gene ("
                    + genes.size() + " genes, " + center.length + " centres, " + scale.length + " scales)");
        }
        center = center.clone();
        scale = scale.clone();
    }

    /** Applies to a matrix whose rows are treated as one trajectory in row order (for interpolation). */
    public ExpressionMatrix apply(ExpressionMatrix matrix) {
        return apply(matrix, null);
    }

    /**
     * Applies the fitted steps.
     *
     * @param orderedRowsPerTrajectory rows of each trajectory in time order, for interpolating missing values;
     *                                 null treats the whole matrix as one trajectory in row order
     * @throws PreprocessingException when a needed gene is absent, or a value is missing and cannot be filled
     */
    public ExpressionMatrix apply(ExpressionMatrix matrix, int[][] orderedRowsPerTrajectory) {
        boolean cpm = config.libraryNormalisation() == PreprocessingConfig.LibraryNormalisation.CPM;
        List<String> needed = cpm ? libraryGenes : genes;
        ExpressionMatrix input = matrix.selectGenes(indicesOf(matrix, needed));
        float[] values = Steps.perSample(input, config, orderedRowsPerTrajectory);
        int inputGenes = needed.size();
        int[] selected = cpm ? positionsIn(needed, genes) : null;
        int n = matrix.sampleCount();
        float[] out = new float[n * genes.size()];
        double clip = config.scaling() == PreprocessingConfig.Scaling.Z_SCORE ? config.clipZ() : 0;
        for (int s = 0; s < n; s++) {
            for (int g = 0; g < genes.size(); g++) {
                int from = selected == null ? g : selected[g];
                double v = values[s * inputGenes + from];
                if (Double.isNaN(v)) {
                    throw new PreprocessingException("sample \"" + matrix.sampleIds().get(s) + "\" has no value "
                            + "for gene \"" + genes.get(g) + "\" and it could not be interpolated; use missing "
                            + "values INTERPOLATE with time information, or remove the sample");
                }
                double scaled = (v - center[g]) / scale[g];
                if (clip > 0) {
                    scaled = Math.max(-clip, Math.min(clip, scaled));
                }
                out[s * genes.size() + g] = (float) scaled;
            }
        }
        return new ExpressionMatrix(out, matrix.sampleIds(), genes);
    }

    private static int[] indicesOf(ExpressionMatrix matrix, List<String> names) {
        int[] indices = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            indices[i] = matrix.geneIndex(names.get(i));
            if (indices[i] < 0) {
                missing.add(names.get(i));
            }
        }
        if (!missing.isEmpty()) {
            String shown = missing.size() > 10 ? missing.subList(0, 10) + " and " + (missing.size() - 10) + " more"
                    : missing.toString();
            throw new PreprocessingException(missing.size() + " gene(s) the preprocessing was fitted on are missing "
                    + "from the data: " + shown);
        }
        return indices;
    }

    private static int[] positionsIn(List<String> all, List<String> wanted) {
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.putIfAbsent(all.get(i), i);
        }
        return wanted.stream().mapToInt(position::get).toArray();
    }
}
