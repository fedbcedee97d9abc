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

    /** The rankings the check is run on: the two the workbench shows, and the signed and |attribution| ones. */
    enum Ranking {
        RAISED("markers (raised expression)", Comparator.comparingDouble(GeneScore::raisedAttribution).reversed()),
        LOWERED("low-level genes (lowered expression)",
                Comparator.comparingDouble(GeneScore::loweredAttribution).reversed()),
        SIGNED("signed sum of both", Comparator.comparingDouble(GeneScore::meanAttribution).reversed()),
        ABSOLUTE("|attribution|", Comparator.comparingDouble(GeneScore::meanAbsoluteAttribution).reversed());

        final String label;
        final Comparator<GeneScore> order;

        Ranking(String label, Comparator<GeneScore> order) {
            this.label = label;
            this.order = order;
        }
    }

    /**
     * @param hits        [ranking][class]: top-k genes that are programme genes of the class
     * @param foreign     [ranking][class]: top-k genes that are programme genes of another class only
     * @param tops        [ranking][class]: the top-k genes, each tagged with the classes whose programmes hold it
     * @param programme   per class: how many programme genes it has (of 2,000)
     * @param correct     per class: correctly classified test sequences the ranking averages over
     */
    record Result(List<String> classes, int top, int[][] hits, int[][] foreign, List<List<String>> tops,
                  int[] programme, int[] correct, double seconds) {

        double recall(Ranking ranking, int c) {
            return (double) hits[ranking.ordinal()][c] / Math.min(top, programme[c]);
        }

        /** Hits expected from k genes drawn at random. */
        double chance(int c) {
            return (double) top * programme[c] / SampleDataGenerator.GENES;
        }

        String describe(String what) {
            StringBuilder text = new StringBuilder(what + ":\n");
            for (int c = 0; c < classes.size(); c++) {
                text.append(String.format(java.util.Locale.ROOT,
                        "  %-20s chance %.2f hits; %d programme genes; %d correct sequences%n", classes.get(c),
                        chance(c), programme[c], correct[c]));
                for (Ranking ranking : Ranking.values()) {
                    int r = ranking.ordinal();
                    text.append(String.format(java.util.Locale.ROOT,
                            "    %-38s top-%d: own programme %2d (recall@%d %.2f), other programmes only %2d%n"
                                    + "      %s%n", ranking.label, top, hits[r][c], top, recall(ranking, c),
                            foreign[r][c], tops.get(r).get(c)));
                }
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
        int[] programme = new int[classes];
        int[] correct = new int[classes];
        List<Set<String>> programmes = new ArrayList<>();
        for (String name : test.classNames()) {
            programmes.add(SampleDataGenerator.programmeGenes(name, SAMPLE_SEED));
        }
        int rankings = Ranking.values().length;
        int[][] hits = new int[rankings][classes];
        int[][] foreign = new int[rankings][classes];
        List<List<String>> tops = new ArrayList<>();
        for (Ranking ranking : Ranking.values()) {
            List<String> perClass = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                Set<String> genes = programmes.get(c);
                programme[c] = genes.size();
                ClassAttribution summary = report.classes().get(c);
                correct[c] = summary.sequences();
                StringBuilder list = new StringBuilder();
                for (GeneScore score : summary.ranking(Evidence.RAISED).stream().sorted(ranking.order).limit(top)
                        .toList()) {
                    StringBuilder owners = new StringBuilder();
                    for (int o = 0; o < classes; o++) {
                        if (programmes.get(o).contains(score.gene())) {
                            owners.append(owners.isEmpty() ? "" : "+").append(test.classNames().get(o), 0, 3);
                        }
                    }
                    if (genes.contains(score.gene())) {
                        hits[ranking.ordinal()][c]++;
                    } else if (!owners.isEmpty()) {
                        foreign[ranking.ordinal()][c]++;
                    }
                    list.append(String.format(java.util.Locale.ROOT, "%s(%+.3f%s) ", score.gene(),
                            key(ranking, score), owners.isEmpty() ? "" : " " + owners));
                }
                perClass.add(list.toString().trim());
            }
            tops.add(perClass);
        }
        return new Result(test.classNames(), top, hits, foreign, tops, programme, correct, seconds);
    }

    private static double key(Ranking ranking, GeneScore score) {
        return switch (ranking) {
            case RAISED -> score.raisedAttribution();
            case LOWERED -> score.loweredAttribution();
            case SIGNED -> score.meanAttribution();
            case ABSOLUTE -> score.meanAbsoluteAttribution();
        };
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
