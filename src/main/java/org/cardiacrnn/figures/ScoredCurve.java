package org.cardiacrnn.figures;

/**
 * One ROC or precision–recall curve with its summary score.
 *
 * @param label   class name or "macro average" / "micro average"
 * @param x       false-positive rate (ROC) or recall (PR), in plotting order
 * @param y       true-positive rate (ROC) or precision (PR)
 * @param score   AUC (ROC) or average precision (PR), shown in the legend
 * @param average true for macro/micro averages, drawn dashed
 */
public record ScoredCurve(String label, double[] x, double[] y, double score, boolean average) {

    public ScoredCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException(label + ": " + x.length + " x values but " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
