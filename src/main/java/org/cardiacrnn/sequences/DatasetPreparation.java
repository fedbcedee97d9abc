package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.preprocessing.FittedPreprocessing;
import org.cardiacrnn.preprocessing.Preprocessor;

/**
 * Turns a loaded dataset into split, preprocessed sequences without letting test samples shape the
 * preprocessing: sequences are first built on raw values only to learn which samples feed which sequence,
 * the split is drawn, preprocessing is fitted on the training sequences' samples, the whole matrix is
 * transformed and the same (deterministic) builder runs again, so indices from the first pass still hold.
 */
public final class DatasetPreparation {

    private static final int MIN_GROUPS = 3;

    private DatasetPreparation() {
    }

    /** One training / validation / test split. */
    public static PreparedData prepare(ExpressionData data, PreparationConfig config) {
        Trajectories trajectories = trajectories(data, config.sequences());
        PreparationChecks.requireTrainable(data.matrix(), trajectories, config);
        SequenceBuild raw = build(data.matrix(), trajectories, config.sequences());
        List<String> warnings = new ArrayList<>(raw.warnings());
        SplitConfig split = effectiveSplit(raw.dataset(), config.split(), warnings);
        warnings.addAll(SplitGuards.checkDesign(raw.dataset(), split, false));
        SplitIndices indices = Splitter.split(raw.dataset(), split);
        // First among the notes: the fractions on the Sequences page no longer say what the split holds.
        SplitGuards.unitShares(raw.dataset(), indices, split).ifPresent(note -> warnings.add(0, note));
        SplitBalance balance = SplitGuards.balance(raw.dataset(), indices, split, false);
        return finish(data, trajectories, config, raw.dataset(), indices, warnings, balance);
    }

    /** One prepared dataset per fold of k-fold cross-validation, each with its own fitted preprocessing. */
    public static List<PreparedData> prepareFolds(ExpressionData data, PreparationConfig config) {
        Trajectories trajectories = trajectories(data, config.sequences());
        PreparationChecks.requireTrainable(data.matrix(), trajectories, config);
        SequenceBuild raw = build(data.matrix(), trajectories, config.sequences());
        List<String> warnings = new ArrayList<>(raw.warnings());
        SplitConfig split = effectiveSplit(raw.dataset(), config.split(), warnings);
        warnings.addAll(SplitGuards.checkDesign(raw.dataset(), split, true));
        boolean leaveOneOut = split.folds() == SplitConfig.LEAVE_ONE_GROUP_OUT;
        List<PreparedData> folds = new ArrayList<>();
        for (SplitIndices indices : Splitter.kFold(raw.dataset(), split)) {
            SplitBalance balance = SplitGuards.balance(raw.dataset(), indices, split, leaveOneOut);
            folds.add(finish(data, trajectories, config, raw.dataset(), indices, warnings, balance));
        }
        return folds;
    }

    /**
     * Sequences from a new file, preprocessed as during training, for prediction. With a null label column
     * every label is 0 and {@link NewDataSequences#labelled()} is false.
     *
     * @throws SequenceException when the file holds labels outside {@code classNames} (they are named)
     */
    public static NewDataSequences sequencesForNewData(ExpressionData data, FittedPreprocessing preprocessing,
                                                       SequenceConfig sequences, List<String> classNames) {
        return sequencesForNewData(data, preprocessing, sequences, classNames, null);
    }

    /**
     * Sequences from a new file with or without labels. When the file lacks the label column, sequences are
     * built per group (donor, cell line, culture) in time order, without labels; {@code groupColumn}, when not
     * null, replaces the run's group column (a new file may name its cultures differently). Fitted genes the
     * file lacks are filled with their training centre and the sequences flagged.
     */
    public static NewDataSequences sequencesForNewData(ExpressionData data, FittedPreprocessing preprocessing,
                                                       SequenceConfig sequences, List<String> classNames,
                                                       String groupColumn) {
        if (classNames == null || classNames.isEmpty()) {
            throw new SequenceException("class names of the trained model are required to label new sequences");
        }
        List<String> notes = new ArrayList<>();
        String label = sequences.labelColumn();
        if (label != null && !data.metadata().hasColumn(label)) {
            notes.add("the data have no \"" + label + "\" column: sequences are built per group without labels, "
                    + "and only predictions are reported");
            label = null;
        }
        String group = groupColumn != null ? groupColumn : sequences.groupColumn();
        if (label == null && group == null) {
            notes.add("no group column: all samples form one trajectory in time order");
        }
        SequenceConfig used = new SequenceConfig(sequences.builder(), sequences.windowLength(), sequences.stride(),
                sequences.timeColumn(), label, group, sequences.missingTimePoints());
        Trajectories trajectories = Trajectories.of(data.metadata(), used, classNames);
        FittedPreprocessing.NewData transformed = preprocessing.applyToNewData(data.matrix(),
                trajectories.orderedRows());
        if (!transformed.absentGenes().isEmpty()) {
            notes.add(transformed.absentGenes().size() + " gene(s) the model needs are not in the data and were "
                    + "filled with their training mean: " + shortList(transformed.absentGenes()));
        }
        SequenceBuild build = build(transformed.matrix(), trajectories, used);
        SequenceDataset dataset = build.dataset();
        boolean[] nanRows = rowsWithMissingValues(data.matrix(), preprocessing.genes());
        boolean[] partlyMissing = new boolean[dataset.sequenceCount()];
        for (int i = 0; i < partlyMissing.length; i++) {
            partlyMissing[i] = !transformed.absentGenes().isEmpty();
            for (int row : dataset.sourceRows(i)) {
                partlyMissing[i] |= nanRows[row];
            }
        }
        notes.addAll(build.warnings());
        return new NewDataSequences(dataset, label != null, notes, partlyMissing, transformed.absentGenes());
    }

    private static boolean[] rowsWithMissingValues(ExpressionMatrix matrix, List<String> genes) {
        boolean[] missing = new boolean[matrix.sampleCount()];
        for (String gene : genes) {
            int g = matrix.geneIndex(gene);
            if (g < 0) {
                continue;
            }
            for (int row = 0; row < missing.length; row++) {
                missing[row] |= Float.isNaN(matrix.get(row, g));
            }
        }
        return missing;
    }

    private static String shortList(List<String> names) {
        return names.size() > 10 ? names.subList(0, 10) + " and " + (names.size() - 10) + " more" : names.toString();
    }

    private static Trajectories trajectories(ExpressionData data, SequenceConfig sequences) {
        if (sequences.labelColumn() == null || sequences.labelColumn().isBlank()) {
            throw new SequenceException("label column must name a metadata column to train; got none");
        }
        SplitGuards.checkRoles(sequences);
        return Trajectories.of(data.metadata(), sequences, null);
    }

    private static SequenceBuild build(ExpressionMatrix matrix, Trajectories trajectories, SequenceConfig config) {
        SequenceBuild build = config.builder() == SequenceConfig.Builder.TIME_COURSE
                ? TimeCourseBuilder.build(matrix, trajectories, config)
                : SlidingWindowBuilder.build(matrix, trajectories, config);
        if (build.dataset().sequenceCount() == 0) {
            throw new SequenceException("no sequences could be built from the data: "
                    + String.join("; ", build.warnings()));
        }
        return build;
    }

    private static SplitConfig effectiveSplit(SequenceDataset raw, SplitConfig split, List<String> warnings) {
        int groups = new HashSet<>(raw.groupIds()).size();
        if (split.kind() == SplitConfig.Kind.GROUPED && groups < MIN_GROUPS) {
            warnings.add("only " + groups + " group(s), too few to keep whole groups apart in training, validation "
                    + "and test; used contiguous time blocks within each trajectory (BLOCKED) instead");
            return split.withKind(SplitConfig.Kind.BLOCKED);
        }
        return split;
    }

    private static PreparedData finish(ExpressionData data, Trajectories trajectories, PreparationConfig config,
                                       SequenceDataset raw, SplitIndices indices, List<String> warnings,
                                       SplitBalance balance) {
        if (indices.train().length == 0) {
            throw new SequenceException("the split left no training sequences; lower the validation or test "
                    + "fraction or provide more data");
        }
        Set<Integer> rows = new TreeSet<>();
        for (int s : indices.train()) {
            for (int row : raw.sourceRows(s)) {
                rows.add(row);
            }
        }
        int[] trainingRows = rows.stream().mapToInt(Integer::intValue).toArray();
        int[][] ordered = trajectories.orderedRows();
        FittedPreprocessing fitted = Preprocessor.fit(data.matrix(), trainingRows, config.preprocessing(), ordered);
        ExpressionMatrix transformed = fitted.apply(data.matrix(), ordered);
        SequenceDataset sequences = build(transformed, trajectories, config.sequences()).dataset();
        LeakageReport leakage = LeakageCheck.of(sequences, indices);
        List<String> allWarnings = new ArrayList<>(warnings);
        if (!leakage.clean()) {
            allWarnings.add(leakage.plainWords());
        }
        allWarnings.addAll(balance.warnings());
        SequenceDataset test = sequences.subset(indices.test());
        return new PreparedData(sequences.subset(indices.train()),
                indices.validationIsTest() ? test : sequences.subset(indices.validation()), test,
                indices.validationIsTest(), fitted, indices, leakage, sequences.classNames(), allWarnings, balance);
    }
}
