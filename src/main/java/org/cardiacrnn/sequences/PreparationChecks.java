package org.cardiacrnn.sequences;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.preprocessing.PreprocessingConfig;

/**
 * Data that would train without error yet mean nothing is refused before training, with the reason: one class,
 * one time point, windows longer than a class's time course, no variation at all, or negative values fed to count
 * normalisation.
 */
final class PreparationChecks {

    private PreparationChecks() {
    }

    static void requireTrainable(ExpressionMatrix matrix, Trajectories trajectories, PreparationConfig config) {
        SequenceConfig sequences = config.sequences();
        if (trajectories.classNames().size() < 2) {
            throw new SequenceException("column \"" + sequences.labelColumn() + "\" holds only one class ("
                    + trajectories.classNames() + "); a classifier needs at least two");
        }
        TreeSet<Double> timePoints = new TreeSet<>();
        for (Trajectories.Trajectory trajectory : trajectories.trajectories()) {
            for (int row : trajectory.rows()) {
                timePoints.add(trajectories.times()[row]);
            }
        }
        if (timePoints.size() < 2) {
            throw new SequenceException("column \"" + sequences.timeColumn() + "\" holds a single time point ("
                    + (timePoints.isEmpty() ? "none" : format(timePoints.first())) + "), so there is no time course "
                    + "to learn from");
        }
        if (sequences.builder() == SequenceConfig.Builder.SLIDING_WINDOW) {
            requireWindowsFit(trajectories, sequences.windowLength());
        }
        PreprocessingConfig preprocessing = config.preprocessing();
        boolean countsExpected = preprocessing.log1p()
                || preprocessing.libraryNormalisation() == PreprocessingConfig.LibraryNormalisation.CPM;
        float[] values = matrix.values();
        int genes = matrix.geneCount();
        float first = Float.NaN;
        boolean varies = false;
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            if (Float.isNaN(value)) {
                continue;
            }
            if (countsExpected && value < 0) {
                throw new SequenceException("sample \"" + matrix.sampleIds().get(i / genes) + "\", gene \""
                        + matrix.geneNames().get(i % genes) + "\" holds " + value + ", but CPM normalisation and "
                        + "log1p need counts (0 or more); turn them off with --no-cpm for values already normalised");
            }
            if (Float.isNaN(first)) {
                first = value;
            } else if (value != first) {
                varies = true;
            }
        }
        if (!varies) {
            throw new SequenceException("every value of the matrix is the same (" + (Float.isNaN(first) ? "missing"
                    : format(first)) + "), so there is nothing to learn from");
        }
    }

    /**
     * A sliding window takes its length in samples of one trajectory in time order, so "fewer time points than the
     * window" means a trajectory with fewer samples than the window: it could fill one only by repeating or
     * inventing time points. Samples that share a time point count one each, as in the bundled data (5 days with
     * 10 samples per donor, class and day, windows of 10). One short trajectory is skipped with a note; a class
     * whose every trajectory is short would train a classifier that never sees it, so that is refused.
     */
    private static void requireWindowsFit(Trajectories trajectories, int window) {
        Map<Integer, Trajectories.Trajectory> longest = new TreeMap<>();
        for (Trajectories.Trajectory trajectory : trajectories.trajectories()) {
            longest.merge(trajectory.label(), trajectory,
                    (a, b) -> b.rows().length > a.rows().length ? b : a);
        }
        for (Trajectories.Trajectory trajectory : longest.values()) {
            int samples = trajectory.rows().length;
            if (samples >= window) {
                continue;
            }
            TreeSet<Double> timePoints = new TreeSet<>();
            for (int row : trajectory.rows()) {
                timePoints.add(trajectories.times()[row]);
            }
            String className = trajectories.classNames().get(trajectory.label());
            String where = trajectory.id().equals(className) ? "it has" : "its longest trajectory, \""
                    + trajectory.id() + "\", has";
            throw new SequenceException("class \"" + className + "\" is too short for a window of " + window
                    + " samples: " + where + " " + samples + " sample(s) at " + timePoints.size() + " time point(s), "
                    + "so a window would have to repeat or invent time points; "
                    + (samples >= 2 ? "lower --window to " + samples + " or " : "") + "use --builder time-course");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%g", value);
    }
}
