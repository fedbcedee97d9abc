package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of sequences by true class (row) and predicted class (column), in the order of {@code classNames}.
 */
public record ConfusionMatrix(List<String> classNames, List<List<Integer>> counts) {

    public ConfusionMatrix {
        int n = classNames.size();
        if (counts.size() != n || counts.stream().anyMatch(row -> row.size() != n)) {
            throw new IllegalArgumentException("a confusion matrix needs one row and one column per class");
        }
        classNames = List.copyOf(classNames);
        counts = counts.stream().<List<Integer>>map(List::copyOf).toList();
    }

    /** Count of sequences of true class {@code actual} predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts.get(actual).get(predicted);
    }

    /** Each row as percentages of its row total (recall view); a row with no sequences is all zero. */
    public double[][] rowPercent() {
        int n = classNames.size();
        double[][] percent = new double[n][n];
        for (int a = 0; a < n; a++) {
            long total = 0;
            for (int p = 0; p < n; p++) {
                total += count(a, p);
            }
            for (int p = 0; p < n; p++) {
                percent[a][p] = total == 0 ? 0 : 100.0 * count(a, p) / total;
            }
        }
        return percent;
    }

    /** Each column as percentages of its column total (precision view); an empty column is all zero. */
    public double[][] columnPercent() {
        int n = classNames.size();
        double[][] percent = new double[n][n];
        for (int p = 0; p < n; p++) {
            long total = 0;
            for (int a = 0; a < n; a++) {
                total += count(a, p);
            }
            for (int a = 0; a < n; a++) {
                percent[a][p] = total == 0 ? 0 : 100.0 * count(a, p) / total;
            }
        }
        return percent;
    }

    static ConfusionMatrix of(List<String> classNames, int[] labels, int[] predicted) {
        int n = classNames.size();
        int[][] table = new int[n][n];
        for (int i = 0; i < labels.length; i++) {
            table[labels[i]][predicted[i]]++;
        }
        List<List<Integer>> rows = new ArrayList<>(n);
        for (int[] row : table) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return new ConfusionMatrix(classNames, rows);
    }
}
