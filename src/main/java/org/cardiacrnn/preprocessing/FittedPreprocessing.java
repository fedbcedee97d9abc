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

    /**
     * A new file preprocessed for prediction, with the fitted genes it lacks named. Such a gene gets its
     * training centre (0 after scaling); under CPM the library size is the sum over the genes present.
     */
    public record NewData(ExpressionMatrix matrix, List<String> absentGenes) {

        public NewData {
            absentGenes = List.copyOf(absentGenes);
        }
    }

    /**
     * As {@link #apply(ExpressionMatrix, int[][])}, but a fitted gene absent from the file is filled in
     * rather than refused; only a file with none of the genes is refused.
     */
    public NewData applyToNewData(ExpressionMatrix matrix, int[][] orderedRowsPerTrajectory) {
        List<String> absent = genes.stream().filter(g -> matrix.geneIndex(g) < 0).toList();
        List<String> libraryPresent = libraryGenes.stream().filter(g -> matrix.geneIndex(g) >= 0).toList();
        if (absent.isEmpty() && libraryPresent.size() == libraryGenes.size()) {
            return new NewData(apply(matrix, orderedRowsPerTrajectory), List.of());
        }
        if (absent.size() == genes.size()) {
            throw new PreprocessingException("none of the " + genes.size() + " genes the model was trained on is in "
                    + "the data (the first are " + genes.subList(0, Math.min(5, genes.size())) + ")");
        }
        List<String> present = new ArrayList<>();
        List<Double> presentCenter = new ArrayList<>();
        List<Double> presentScale = new ArrayList<>();
        for (int g = 0; g < genes.size(); g++) {
            if (matrix.geneIndex(genes.get(g)) >= 0) {
                present.add(genes.get(g));
                presentCenter.add(center[g]);
                presentScale.add(scale[g]);
            }
        }
        List<String> library = libraryGenes.isEmpty() ? List.of() : libraryPresent;
        ExpressionMatrix partial = new FittedPreprocessing(config, library, present,
                presentCenter.stream().mapToDouble(Double::doubleValue).toArray(),
                presentScale.stream().mapToDouble(Double::doubleValue).toArray())
                .apply(matrix, orderedRowsPerTrajectory);
        int n = matrix.sampleCount();
        float[] out = new float[n * genes.size()];
        for (int g = 0; g < genes.size(); g++) {
            int from = partial.geneIndex(genes.get(g));
            if (from < 0) {
                continue;
            }
            for (int s = 0; s < n; s++) {
                out[s * genes.size() + g] = partial.get(s, from);
            }
        }
        List<String> absentLibrary = libraryGenes.stream().filter(g -> matrix.geneIndex(g) < 0).toList();
        List<String> allAbsent = new ArrayList<>(absent);
        absentLibrary.stream().filter(g -> !allAbsent.contains(g)).forEach(allAbsent::add);
        return new NewData(new ExpressionMatrix(out, matrix.sampleIds(), genes), allAbsent);
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
