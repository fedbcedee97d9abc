package org.cardiacrnn.evaluation;

import java.util.List;

/**
 * A one-vs-rest ROC or precision-recall curve of one class. {@code area} is the ROC AUC or the average
 * precision; NaN when the test set holds no member (or no non-member, for ROC) of the class.
 */
public record RankingCurve(String className, List<CurvePoint> points, double area) {

    public RankingCurve {
        points = List.copyOf(points);
    }
}
