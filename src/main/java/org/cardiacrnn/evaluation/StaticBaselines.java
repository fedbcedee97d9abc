package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * Static baselines for "does time matter?": multinomial logistic regression (L2, λ = 1) on each sequence's
 * summary over time (per gene: mean, last value, least-squares slope) and on its last time point alone. They
 * see the sequences the network sees (same split, same fitted preprocessing); their features are z-scored
 * with training-split statistics.
 */
public final class StaticBaselines {

    public static final double LAMBDA = 1.0;

    private StaticBaselines() {
    }

    /** How a sequence becomes one feature vector. */
    public enum Features {
        SUMMARY("logistic regression on window summaries", "per gene: mean, last value and slope over time"),
        LAST("logistic regression on the last time point", "per gene: the value at the last time point");

        private final String label;
        private final String description;

        Features(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    /** Fits each baseline on {@code train}, scores it on {@code test}, compares it with the network's predictions. */
    public static BaselineComparison compare(SequenceDataset train, SequenceDataset test, int[] networkPredicted) {
        boolean[] networkCorrect = new boolean[test.sequenceCount()];
        int hits = 0;
        for (int i = 0; i < networkCorrect.length; i++) {
            networkCorrect[i] = networkPredicted[i] == test.label(i);
            hits += networkCorrect[i] ? 1 : 0;
        }
        double networkAccuracy = (double) hits / Math.max(1, networkCorrect.length);
        List<BaselineComparison.Baseline> baselines = new ArrayList<>();
        for (Features kind : Features.values()) {
            float[][] probabilities = fitAndPredict(kind, train, test);
            EvaluationReport report = Evaluator.fromPredictions(test.labels(), probabilities, test.classNames());
            boolean[] correct = new boolean[test.sequenceCount()];
            for (int i = 0; i < correct.length; i++) {
                correct[i] = report.predictedLabels().get(i) == test.label(i);
            }
            double margin = networkAccuracy - report.accuracy();
            ConfidenceInterval interval = pairedBootstrap(networkCorrect, correct,
                    Evaluator.DEFAULT_BOOTSTRAP_RESAMPLES, Evaluator.DEFAULT_BOOTSTRAP_SEED);
            baselines.add(new BaselineComparison.Baseline(kind.label, kind.description, report.accuracy(),
                    report.accuracyInterval(), report.macroAverage().f1(), report.macroAuc(), margin, interval,
                    verdict(kind.label, networkAccuracy, report.accuracy(), margin, interval)));
        }
        return new BaselineComparison(networkAccuracy, baselines,
                String.join(" ", baselines.stream().map(BaselineComparison.Baseline::verdict).toList()));
    }

    /** The baseline's test probabilities after fitting on {@code train}. */
    public static float[][] fitAndPredict(Features kind, SequenceDataset train, SequenceDataset test) {
        double[][] trainX = features(kind, train);
        double[][] testX = features(kind, test);
        standardise(trainX, testX);
        return LogisticRegression.fit(trainX, train.labels(), train.classCount(), LAMBDA).predictProbabilities(testX);
    }

    /** One row per sequence; masked (missing) time points are left out of the summary. */
    static double[][] features(Features kind, SequenceDataset data) {
        int genes = data.featureCount();
        int steps = data.timeSteps();
        double[][] x = new double[data.sequenceCount()][kind == Features.SUMMARY ? 3 * genes : genes];
        for (int i = 0; i < x.length; i++) {
            int[] present = presentSteps(data, i);
            for (int g = 0; g < genes; g++) {
                double last = present.length == 0 ? 0 : data.value(i, g, present[present.length - 1]);
                if (kind == Features.LAST) {
                    x[i][g] = last;
                    continue;
                }
                double meanT = 0;
                double meanV = 0;
                for (int t : present) {
                    meanT += (double) t / present.length;
                    meanV += (double) data.value(i, g, t) / present.length;
                }
                double covariance = 0;
                double variance = 0;
                for (int t : present) {
                    covariance += (t - meanT) * (data.value(i, g, t) - meanV);
                    variance += (t - meanT) * (t - meanT);
                }
                x[i][3 * g] = meanV;
                x[i][3 * g + 1] = last;
                x[i][3 * g + 2] = variance > 0 ? covariance / variance : 0;
            }
        }
        return x;
    }

    private static int[] presentSteps(SequenceDataset data, int sequence) {
        int steps = data.timeSteps();
        if (!data.hasMask()) {
            int[] all = new int[steps];
            Arrays.setAll(all, t -> t);
            return all;
        }
        return java.util.stream.IntStream.range(0, steps).filter(t -> data.mask()[sequence * steps + t] > 0)
                .toArray();
    }

    /** Z-scores every column with the training rows' mean and standard deviation (1 where it is 0). */
    static void standardise(double[][] train, double[][] test) {
        int d = train.length == 0 ? 0 : train[0].length;
        for (int f = 0; f < d; f++) {
            double mean = 0;
            for (double[] row : train) {
                mean += row[f] / train.length;
            }
            double variance = 0;
            for (double[] row : train) {
                variance += (row[f] - mean) * (row[f] - mean) / train.length;
            }
            double sd = variance > 0 ? Math.sqrt(variance) : 1;
            for (double[] row : train) {
                row[f] = (row[f] - mean) / sd;
            }
            for (double[] row : test) {
                row[f] = (row[f] - mean) / sd;
            }
        }
    }

    /** Percentile interval of the accuracy difference, resampling test sequences (the same ones for both). */
    static ConfidenceInterval pairedBootstrap(boolean[] first, boolean[] second, int resamples, long seed) {
        int n = first.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int difference = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                difference += (first[pick] ? 1 : 0) - (second[pick] ? 1 : 0);
            }
            estimates[r] = (double) difference / n;
        }
        Arrays.sort(estimates);
        return new ConfidenceInterval(ConfidenceMetrics.quantile(estimates, 0.025),
                ConfidenceMetrics.quantile(estimates, 0.975), 0.95, resamples, seed);
    }

    private static String verdict(String baseline, double network, double accuracy, double margin,
                                  ConfidenceInterval interval) {
        String figures = String.format(Locale.ROOT, "The network scores %.1f%% against %.1f%% for %s: a margin of "
                        + "%+.1f points (95%% CI %+.1f to %+.1f).", 100 * network, 100 * accuracy, baseline,
                100 * margin, 100 * interval.lower(), 100 * interval.upper());
        if (interval.lower() > 0) {
            return figures + " It beats this static model.";
        }
        if (interval.upper() < 0) {
            return figures + " The static model beats it.";
        }
        return figures + " The interval includes 0: it does not clearly beat this static model.";
    }
}
