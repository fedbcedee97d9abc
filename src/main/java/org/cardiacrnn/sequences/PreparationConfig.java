package org.cardiacrnn.sequences;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.preprocessing.PreprocessingConfig;

/**
 * Everything that turns a loaded dataset into training, validation and test sequences; serialises to JSON
 * with Jackson so a run records exactly how its data were prepared.
 */
public record PreparationConfig(PreprocessingConfig preprocessing, SequenceConfig sequences, SplitConfig split) {

    public PreparationConfig {
        if (preprocessing == null) {
            preprocessing = PreprocessingConfig.defaults();
        }
        if (sequences == null) {
            throw new SequenceException("sequences settings are required (time column, label column, builder)");
        }
        if (split == null) {
            split = SplitConfig.defaults();
        }
    }

    /**
     * The published protocol: sliding windows of 10 with stride 1 within each label's trajectory, random
     * 80/20 split of the windows, the test split doubling as validation. Overlapping windows make it leak;
     * the leakage report says by how much.
     */
    public static PreparationConfig methodology(String timeColumn, String labelColumn) {
        return new PreparationConfig(PreprocessingConfig.defaults(),
                SequenceConfig.slidingWindows(timeColumn, labelColumn, null),
                new SplitConfig(SplitConfig.Kind.RANDOM, 0.8, 0.0, 0.2, 42, 5, true));
    }

    /**
     * A protocol without leakage: sliding windows of 10 within each label × group trajectory, 70/15/15 with a
     * separate validation split; whole groups per split (GROUPED), or contiguous time blocks (BLOCKED) when
     * there is no group column. {@link DatasetPreparation} also falls back to BLOCKED when the data hold
     * fewer than 3 groups.
     */
    public static PreparationConfig leakageFree(String timeColumn, String labelColumn, String groupColumn) {
        SplitConfig.Kind kind = groupColumn == null || groupColumn.isBlank()
                ? SplitConfig.Kind.BLOCKED : SplitConfig.Kind.GROUPED;
        return new PreparationConfig(PreprocessingConfig.defaults(),
                SequenceConfig.slidingWindows(timeColumn, labelColumn, groupColumn),
                new SplitConfig(kind, 0.7, 0.15, 0.15, 42, 5, false));
    }

    /**
     * The defaults for a given dataset, and the one place they are decided: the honest protocol on the given
     * column roles with {@link #recommendedPreprocessing}. The CLI, the GUI's Sequences page and the GUI's direct
     * "Train" all start from it, so the same data get the same preparation whichever way a run is started.
     */
    public static PreparationConfig recommended(ExpressionData data, ColumnRoles roles) {
        return leakageFree(roles.time(), roles.label(), roles.group())
                .withPreprocessing(recommendedPreprocessing(data.matrix()));
    }

    /** Raw counts get CPM and log1p; values already normalised or logged (any negative or fraction) do not. */
    public static PreprocessingConfig recommendedPreprocessing(ExpressionMatrix matrix) {
        PreprocessingConfig defaults = PreprocessingConfig.defaults();
        boolean counts = holdsCounts(matrix);
        return new PreprocessingConfig(defaults.missingValues(), counts ? PreprocessingConfig.LibraryNormalisation.CPM
                : PreprocessingConfig.LibraryNormalisation.NONE, counts, defaults.scaling(), defaults.clipZ(),
                defaults.topVariableGenes());
    }

    /** True when every present value is a non-negative whole number. */
    public static boolean holdsCounts(ExpressionMatrix matrix) {
        return matrix.holdsCounts();
    }

    /** The same sequences and split with other preprocessing. */
    public PreparationConfig withPreprocessing(PreprocessingConfig other) {
        return new PreparationConfig(other, sequences, split);
    }
}
