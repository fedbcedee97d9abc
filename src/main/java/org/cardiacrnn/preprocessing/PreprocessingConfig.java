package org.cardiacrnn.preprocessing;

/**
 * How expression values are cleaned before they become sequences, applied in this order: missing values,
 * library-size normalisation (per sample), log1p, selection of the most variable genes, per-gene scaling,
 * clipping.
 *
 * <p>{@code clipZ}: after z-scoring, values beyond ±clipZ standard deviations are clipped to ±clipZ
 * (0 disables it; only used with {@link Scaling#Z_SCORE}). Outliers are clipped rather than dropped because
 * dropping a sample would tear a hole in every sequence that passes through it.
 * {@code topVariableGenes}: keep the N genes with the highest variance on the training samples (0 = all).
 */
public record PreprocessingConfig(MissingValues missingValues, LibraryNormalisation libraryNormalisation,
                                  boolean log1p, Scaling scaling, double clipZ, int topVariableGenes) {

    /** What to do with missing (NaN) values. */
    public enum MissingValues {
        /** Drop every gene with a missing value among the training samples. */
        DROP_GENES,
        /** Linear interpolation along each trajectory's time order; nearest value at the ends. */
        INTERPOLATE
    }

    /** Per-sample library-size normalisation. */
    public enum LibraryNormalisation { NONE, CPM }

    /** Per-gene scaling with statistics from the training samples. */
    public enum Scaling { NONE, MIN_MAX, Z_SCORE }

    public PreprocessingConfig {
        if (missingValues == null) {
            missingValues = MissingValues.INTERPOLATE;
        }
        if (libraryNormalisation == null) {
            libraryNormalisation = LibraryNormalisation.NONE;
        }
        if (scaling == null) {
            scaling = Scaling.Z_SCORE;
        }
        if (!(clipZ >= 0) || Double.isInfinite(clipZ)) {
            throw new PreprocessingException("clipZ must be a finite number of standard deviations >= 0 "
                    + "(0 = no clipping); got " + clipZ);
        }
        if (topVariableGenes < 0) {
            throw new PreprocessingException("topVariableGenes must be 0 (all genes) or more; got "
                    + topVariableGenes);
        }
    }

    /** Interpolate missing values, no library normalisation, no log, z-score, clip at 3, top 2,000 genes. */
    public static PreprocessingConfig defaults() {
        return new PreprocessingConfig(MissingValues.INTERPOLATE, LibraryNormalisation.NONE, false,
                Scaling.Z_SCORE, 3.0, 2000);
    }
}
