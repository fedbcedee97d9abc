package org.cardiacrnn.interpret;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.sequences.Augmentations;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.data.SampleDataGenerator;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.Trainer;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingListener;
import org.cardiacrnn.training.TrainedModel;

/**
 * The check of issue 17 on the bundled sample data: train with the honest protocol, attribute the test split,
 * and count how many of each class's top genes belong to the generator's programmes for that class.
 */
final class ProgrammeRecall {

    static final Path SAMPLE = Path.of("sample-data", SampleDataGenerator.FILE_NAME);
    static final long SAMPLE_SEED = 42;

    /**
     * @param hits        per class: top-k genes by signed mean attribution that are programme genes of the class
     * @param otherRanking per class: the same count with the genes ranked by mean absolute attribution
     * @param tops        per class: the top-k genes, each tagged with the classes whose programmes hold it
     * @param programme   per class: how many programme genes it has (of 2,000)
     * @param correct     per class: correctly classified test sequences the ranking averages over
     */
    record Result(List<String> classes, int top, int[] hits, int[] otherRanking, List<String> tops,
                  int[] programme, int[] correct, double seconds) {

        double recall(int c) {
            return (double) hits[c] / Math.min(top, programme[c]);
        }

        /** Hits expected from k genes drawn at random. */
        double chance(int c) {
            return (double) top * programme[c] / SampleDataGenerator.GENES;
        }

        String describe(String what) {
            StringBuilder text = new StringBuilder(what + ":\n");
            for (int c = 0; c < classes.size(); c++) {
                text.append(String.format(java.util.Locale.ROOT,
                        "  %-20s top-%d hits %2d  recall@%d %.2f  (by |attribution|: %d hits; chance %.2f hits; "
                                + "%d programme genes; %d correct sequences)%n    %s%n", classes.get(c), top,
                        hits[c], top, recall(c), otherRanking[c], chance(c), programme[c], correct[c],
                        tops.get(c)));
            }
            return text.append(String.format(java.util.Locale.ROOT, "  attribution took %.1f s%n", seconds))
                    .toString();
        }
    }

    private ProgrammeRecall() {
    }

    static PreparedData honestSplit() {
        return honestSplit(false);
    }

    /**
     * @param recommended the preprocessing the CLI and GUI choose for these counts (CPM, log1p, z-score) rather than
     *                    the bare defaults (z-scores of the raw counts)
     */
    static PreparedData honestSplit(boolean recommended) {
        var data = ExpressionLoader.load(LoadRequest.of(SAMPLE));
        PreparationConfig config = recommended
                ? PreparationConfig.recommended(data, new ColumnRoles("day", "trajectory", "donor"))
                : PreparationConfig.leakageFree("day", "trajectory", "donor");
        return DatasetPreparation.prepare(data, config);
    }

    static TrainedModel train(Hyperparameters hp, PreparedData data, boolean shuffleLabels) {
        SequenceDataset train = shuffleLabels ? shuffled(data.train(), 7) : data.train();
        SequenceDataset validation = shuffleLabels ? shuffled(data.validation(), 8) : data.validation();
        return new Trainer(hp, Augmentations.of(hp.noiseSigma(), hp.temporalDropout(), hp.shuffleProbability()),
                TrainingListener.none(), new TrainingControl()).train(train, validation, null).model();
    }

    /** Per class: correctly classified test sequences of all of that class, and where the others went. */
    static String accuracy(TrainedModel model, SequenceDataset test) {
        int[] predicted = new Attributor(model.network()).predict(test);
        int classes = test.classCount();
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            confusion[test.labels()[i]][predicted[i]]++;
        }
        StringBuilder text = new StringBuilder("test accuracy per class (row: true class; columns: predicted "
                + test.classNames() + "):\n");
        for (int c = 0; c < classes; c++) {
            int total = java.util.Arrays.stream(confusion[c]).sum();
            text.append(String.format(java.util.Locale.ROOT, "  %-20s %3d of %3d (%.2f)  %s%n",
                    test.classNames().get(c), confusion[c][c], total, (double) confusion[c][c] / total,
                    java.util.Arrays.toString(confusion[c])));
        }
        return text.toString();
    }

    static Result measure(TrainedModel model, SequenceDataset test, Attributor.Settings settings, int top) {
        long started = System.nanoTime();
        AttributionReport report = AttributionReport.compute(new Attributor(model.network()), test, true, settings,
                (done, total) -> { }, () -> false);
        double seconds = (System.nanoTime() - started) / 1e9;
        int classes = test.classCount();
        int[] hits = new int[classes];
        int[] otherRanking = new int[classes];
        int[] programme = new int[classes];
        int[] correct = new int[classes];
        List<Set<String>> programmes = new ArrayList<>();
        for (String name : test.classNames()) {
            programmes.add(SampleDataGenerator.programmeGenes(name, SAMPLE_SEED));
        }
        List<String> tops = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            Set<String> genes = programmes.get(c);
            programme[c] = genes.size();
            ClassAttribution summary = report.classes().get(c);
            correct[c] = summary.sequences();
            hits[c] = (int) topBy(summary, SIGNED, top).stream().filter(score -> genes.contains(score.gene())).count();
            otherRanking[c] = (int) topBy(summary, ABSOLUTE, top).stream()
                    .filter(score -> genes.contains(score.gene())).count();
            StringBuilder list = new StringBuilder();
            for (GeneScore score : topBy(summary, SIGNED, top)) {
                StringBuilder owners = new StringBuilder();
                for (int o = 0; o < classes; o++) {
                    if (programmes.get(o).contains(score.gene())) {
                        owners.append(owners.isEmpty() ? "" : "+").append(test.classNames().get(o), 0, 3);
                    }
                }
                list.append(String.format(java.util.Locale.ROOT, "%s(%+.3f%s) ", score.gene(),
                        score.meanAttribution(), owners.isEmpty() ? "" : " " + owners));
            }
            tops.add(list.toString().trim());
        }
        return new Result(test.classNames(), top, hits, otherRanking, tops, programme, correct, seconds);
    }

    private static final Comparator<GeneScore> SIGNED = Comparator.comparingDouble(GeneScore::meanAttribution)
            .reversed();
    private static final Comparator<GeneScore> ABSOLUTE = Comparator
            .comparingDouble(GeneScore::meanAbsoluteAttribution).reversed();

    private static List<GeneScore> topBy(ClassAttribution summary, Comparator<GeneScore> order, int top) {
        return summary.ranking().stream().sorted(order).limit(top).toList();
    }

    /** The same sequences with their labels permuted: a network trained on them can only learn noise. */
    static SequenceDataset shuffled(SequenceDataset data, long seed) {
        int[] labels = data.labels().clone();
        Random random = new Random(seed);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = labels[i];
            labels[i] = labels[j];
            labels[j] = swap;
        }
        int[][] rows = new int[data.sequenceCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.sourceRows(i);
        }
        return new SequenceDataset(data.features(), data.sequenceCount(), data.featureCount(), data.timeSteps(),
                data.mask(), labels, data.classNames(), new ArrayList<>(data.groupIds()), rows, data.featureNames());
    }
}
