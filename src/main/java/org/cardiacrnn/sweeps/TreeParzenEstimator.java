package org.cardiacrnn.sweeps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011), one parameter at a time: the
 * observed trials are split into the best quarter and the rest, each part becomes a density (Gaussian kernels
 * on a range's [0, 1] position, smoothed frequencies for a list), and the candidate drawn from the good
 * density with the highest good/bad ratio wins. Sweeps here are tens of trials, where this simple form is
 * what the reference implementations (Hyperopt, Optuna) do too.
 */
final class TreeParzenEstimator {

    private static final double GOOD_FRACTION = 0.25;
    private static final int CANDIDATES = 24;

    private final SweepSpec spec;
    private final Random random;

    TreeParzenEstimator(SweepSpec spec, Random random) {
        this.spec = spec;
        this.random = random;
    }

    /** Random trials before the model takes over: a third of the budget, between 3 and 10. */
    static int startupTrials(int budget) {
        return Math.max(3, Math.min(10, budget / 3));
    }

    Map<String, String> propose(List<Trial> observed) {
        List<Trial> ranked = Trial.ranked(observed, spec.objective());
        int goodCount = Math.max(1, (int) Math.ceil(GOOD_FRACTION * ranked.size()));
        List<Trial> good = ranked.subList(0, goodCount);
        List<Trial> bad = ranked.subList(goodCount, ranked.size());
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpace parameter : spec.parameters()) {
            values.put(parameter.key(), parameter.isList() ? chooseValue(parameter, good, bad)
                    : ParameterSpace.text(parameter.at(choosePosition(parameter, good, bad)),
                    SweepSpec.isInteger(parameter.key())));
        }
        return values;
    }

    private String chooseValue(ParameterSpace parameter, List<Trial> good, List<Trial> bad) {
        List<String> options = parameter.values();
        double[] goodWeights = frequencies(options, parameter.key(), good);
        double[] badWeights = frequencies(options, parameter.key(), bad);
        String best = options.get(0);
        double bestRatio = -1;
        for (int c = 0; c < CANDIDATES; c++) {
            int index = sample(goodWeights);
            double ratio = goodWeights[index] / badWeights[index];
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = options.get(index);
            }
        }
        return best;
    }

    private static double[] frequencies(List<String> options, String key, List<Trial> trials) {
        double[] weights = new double[options.size()];
        java.util.Arrays.fill(weights, 1.0);
        for (Trial trial : trials) {
            int index = options.indexOf(trial.values().get(key));
            if (index >= 0) {
                weights[index]++;
            }
        }
        double total = java.util.Arrays.stream(weights).sum();
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    private int sample(double[] probabilities) {
        double u = random.nextDouble();
        for (int i = 0; i < probabilities.length; i++) {
            u -= probabilities[i];
            if (u <= 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    private double choosePosition(ParameterSpace parameter, List<Trial> good, List<Trial> bad) {
        double[] goodPoints = positions(parameter, good);
        double[] badPoints = positions(parameter, bad);
        double goodWidth = bandwidth(goodPoints.length);
        double badWidth = bandwidth(badPoints.length);
        double best = random.nextDouble();
        double bestRatio = -1;
        for (int c = 0; c < CANDIDATES; c++) {
            int centre = random.nextInt(goodPoints.length + 1);
            double candidate = centre == goodPoints.length ? random.nextDouble()
                    : clamp(goodPoints[centre] + goodWidth * random.nextGaussian());
            double ratio = density(candidate, goodPoints, goodWidth) / density(candidate, badPoints, badWidth);
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = candidate;
            }
        }
        return best;
    }

    private static double[] positions(ParameterSpace parameter, List<Trial> trials) {
        List<Double> points = new ArrayList<>();
        for (Trial trial : trials) {
            String value = trial.values().get(parameter.key());
            if (value != null) {
                points.add(clamp(parameter.position(Double.parseDouble(value))));
            }
        }
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Scott-like rule on [0, 1]: narrower kernels as observations accumulate, never narrower than 0.05. */
    private static double bandwidth(int count) {
        return Math.max(0.05, 0.5 / Math.pow(count + 1, 0.2) / 2);
    }

    /** Mixture of the kernels and a uniform prior (weight of one observation), so no region has density 0. */
    private static double density(double x, double[] points, double width) {
        double sum = 1.0;
        for (double point : points) {
            double z = (x - point) / width;
            sum += Math.exp(-0.5 * z * z) / (width * Math.sqrt(2 * Math.PI));
        }
        return sum / (points.length + 1);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
