package org.cardiacrnn.evaluation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Multinomial logistic regression with an L2 penalty on the weights (not the intercepts), fitted by L-BFGS:
 * it minimises {@code Σ_i −ln softmax(W x_i + b)[y_i] + ½ λ ||W||²}. With λ = 1 this is scikit-learn's
 * {@code LogisticRegression(C=1)} default. The objective is strictly convex in W, so the fit is unique and
 * depends on nothing random.
 *
 * @param weights    {@code [classes][features]}
 * @param intercepts {@code [classes]}
 */
public record LogisticRegression(double[][] weights, double[] intercepts) {

    private static final int HISTORY = 10;
    private static final int MAX_ITERATIONS = 1000;
    private static final double GRADIENT_TOLERANCE = 1e-6;

    /** Fits on {@code x [n][features]} with labels in {@code [0, classes)}. */
    public static LogisticRegression fit(double[][] x, int[] labels, int classes, double lambda) {
        int d = x.length == 0 ? 0 : x[0].length;
        Objective objective = new Objective(x, labels, classes, d, lambda);
        double[] theta = new double[classes * (d + 1)];
        double[] gradient = new double[theta.length];
        double value = objective.evaluate(theta, gradient);
        Deque<double[][]> history = new ArrayDeque<>();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (norm(gradient) <= GRADIENT_TOLERANCE * Math.max(1, norm(theta))) {
                break;
            }
            double[] direction = direction(gradient, history);
            double slope = dot(direction, gradient);
            if (slope >= 0) {
                // Not a descent direction (history gone stale): restart from steepest descent.
                history.clear();
                direction = scaled(gradient, -1);
                slope = dot(direction, gradient);
            }
            double step = iteration == 0 && history.isEmpty() ? 1 / Math.max(1, norm(gradient)) : 1;
            double[] next = new double[theta.length];
            double[] nextGradient = new double[theta.length];
            double nextValue;
            while (true) {
                for (int i = 0; i < theta.length; i++) {
                    next[i] = theta[i] + step * direction[i];
                }
                nextValue = objective.evaluate(next, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            double[] s = new double[theta.length];
            double[] y = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                s[i] = next[i] - theta[i];
                y[i] = nextGradient[i] - gradient[i];
            }
            if (dot(s, y) > 1e-12) {
                history.addLast(new double[][] {s, y});
                if (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            boolean stalled = Math.abs(value - nextValue) <= 1e-12 * Math.max(1, Math.abs(value));
            theta = next;
            gradient = nextGradient;
            value = nextValue;
            if (stalled) {
                break;
            }
        }
        double[][] weights = new double[classes][d];
        double[] intercepts = new double[classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(theta, c * (d + 1), weights[c], 0, d);
            intercepts[c] = theta[c * (d + 1) + d];
        }
        return new LogisticRegression(weights, intercepts);
    }

    /** Class probabilities of each row of {@code x}. */
    public float[][] predictProbabilities(double[][] x) {
        float[][] out = new float[x.length][];
        double[] scores = new double[intercepts.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < intercepts.length; c++) {
                scores[c] = intercepts[c] + dot(weights[c], x[i]);
            }
            double[] p = softmax(scores);
            out[i] = new float[p.length];
            for (int c = 0; c < p.length; c++) {
                out[i][c] = (float) p[c];
            }
        }
        return out;
    }

    /** Two-loop recursion: the quasi-Newton direction from the stored curvature pairs. */
    private static double[] direction(double[] gradient, Deque<double[][]> history) {
        double[] q = scaled(gradient, -1);
        double[] alphas = new double[history.size()];
        int k = history.size() - 1;
        for (var it = history.descendingIterator(); it.hasNext(); k--) {
            double[][] pair = it.next();
            alphas[k] = dot(pair[0], q) / dot(pair[1], pair[0]);
            axpy(-alphas[k], pair[1], q);
        }
        if (!history.isEmpty()) {
            double[][] last = history.peekLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] pair : history) {
            double beta = dot(pair[1], q) / dot(pair[1], pair[0]);
            axpy(alphas[k] - beta, pair[0], q);
            k++;
        }
        return q;
    }

    private record Objective(double[][] x, int[] labels, int classes, int d, double lambda) {

        double evaluate(double[] theta, double[] gradient) {
            java.util.Arrays.fill(gradient, 0);
            double loss = 0;
            double[] scores = new double[classes];
            for (int i = 0; i < x.length; i++) {
                for (int c = 0; c < classes; c++) {
                    double s = theta[c * (d + 1) + d];
                    for (int f = 0; f < d; f++) {
                        s += theta[c * (d + 1) + f] * x[i][f];
                    }
                    scores[c] = s;
                }
                double[] p = softmax(scores);
                loss -= Math.log(Math.max(p[labels[i]], 1e-300));
                for (int c = 0; c < classes; c++) {
                    double error = p[c] - (c == labels[i] ? 1 : 0);
                    int base = c * (d + 1);
                    for (int f = 0; f < d; f++) {
                        gradient[base + f] += error * x[i][f];
                    }
                    gradient[base + d] += error;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int f = 0; f < d; f++) {
                    double w = theta[c * (d + 1) + f];
                    loss += 0.5 * lambda * w * w;
                    gradient[c * (d + 1) + f] += lambda * w;
                }
            }
            return loss;
        }
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] scaled(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
        return out;
    }

    private static void axpy(double factor, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += factor * x[i];
        }
    }
}
