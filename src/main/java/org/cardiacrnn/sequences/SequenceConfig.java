package org.cardiacrnn.sequences;

/**
 * How samples become sequences.
 *
 * @param builder           sliding windows within each trajectory (the published method) or one pseudobulk
 *                          time course per group × label
 * @param windowLength      time steps per window (sliding windows only)
 * @param stride            steps between window starts (sliding windows only)
 * @param timeColumn        numeric metadata column giving each sample's time (hours, pseudotime…)
 * @param labelColumn       metadata column giving the class; null only when preparing unlabelled new data
 * @param groupColumn       optional donor / cell line column; trajectories are then label × group
 * @param missingTimePoints for time courses, whether a group's missing time point is interpolated or masked
 */
public record SequenceConfig(Builder builder, int windowLength, int stride, String timeColumn, String labelColumn,
                             String groupColumn, MissingTimePoints missingTimePoints) {

    /** Which sequence builder to use. */
    public enum Builder { SLIDING_WINDOW, TIME_COURSE }

    /** What a time course does at a time point where its group has no sample. */
    public enum MissingTimePoints {
        /** Linear interpolation between neighbouring time points; keeps the model input dense. */
        INTERPOLATE,
        /** Mask 0 and values 0; the network skips the step. */
        MASK
    }

    public SequenceConfig {
        if (builder == null) {
            builder = Builder.SLIDING_WINDOW;
        }
        if (missingTimePoints == null) {
            missingTimePoints = MissingTimePoints.INTERPOLATE;
        }
        if (builder == Builder.SLIDING_WINDOW && windowLength < 2) {
            throw new SequenceException("window length must be at least 2; got " + windowLength);
        }
        if (stride < 1) {
            throw new SequenceException("stride must be at least 1; got " + stride);
        }
        if (timeColumn == null || timeColumn.isBlank()) {
            throw new SequenceException("time column must name a metadata column; got none");
        }
        if (groupColumn != null && groupColumn.isBlank()) {
            groupColumn = null;
        }
    }

    /** Sliding windows of length 10, stride 1, within each label's trajectory. */
    public static SequenceConfig slidingWindows(String timeColumn, String labelColumn, String groupColumn) {
        return new SequenceConfig(Builder.SLIDING_WINDOW, 10, 1, timeColumn, labelColumn, groupColumn,
                MissingTimePoints.INTERPOLATE);
    }

    /** One pseudobulk time course per group × label, missing time points interpolated. */
    public static SequenceConfig timeCourse(String timeColumn, String labelColumn, String groupColumn) {
        return new SequenceConfig(Builder.TIME_COURSE, 10, 1, timeColumn, labelColumn, groupColumn,
                MissingTimePoints.INTERPOLATE);
    }

    /** The same settings with another window length and stride. */
    public SequenceConfig withWindow(int length, int step) {
        return new SequenceConfig(builder, length, step, timeColumn, labelColumn, groupColumn, missingTimePoints);
    }
}
