package org.cardiacrnn.figures;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/** ROC and precision–recall curves, one line per class plus dashed macro/micro averages. */
public final class ClassifierCurvesChart {

    private ClassifierCurvesChart() {
    }

    /**
     * ROC curves with the AUC in each legend entry and the chance diagonal.
     *
     * @param curves per-class curves (x = false-positive rate, y = true-positive rate) and averages
     */
    public static Figure roc(List<ScoredCurve> curves) {
        Figure figure = build("ROC", "False positive rate", "True positive rate", "AUC", curves);
        Charts.legendInside(figure.chart(), RectangleAnchor.BOTTOM_RIGHT);
        XYLineAnnotation chance = new XYLineAnnotation(0, 0, 1, 1, FigureStyle.print().dashed(0.7f), Color.GRAY);
        chance.setToolTipText("chance");
        ((XYPlot) figure.chart().getPlot()).addAnnotation(chance);
        return figure;
    }

    /**
     * Precision–recall curves with the average precision in each legend entry.
     *
     * @param curves per-class curves (x = recall, y = precision) and averages
     */
    public static Figure precisionRecall(List<ScoredCurve> curves) {
        Figure figure = build("Precision–recall", "Recall", "Precision", "AP", curves);
        Charts.legendInside(figure.chart(), RectangleAnchor.BOTTOM_LEFT);
        return figure;
    }

    private static Figure build(String title, String xLabel, String yLabel, String scoreName,
                                List<ScoredCurve> curves) {
        FigureStyle style = FigureStyle.print();
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = Charts.lines();
        FigureData.Builder data = FigureData.builder("curve", scoreName, xLabel.toLowerCase(Locale.ROOT),
                yLabel.toLowerCase(Locale.ROOT));
        int classIndex = 0;
        int averageIndex = 0;
        for (int i = 0; i < curves.size(); i++) {
            ScoredCurve curve = curves.get(i);
            String key = String.format(Locale.ROOT, "%s (%s %.2f)", curve.label(), scoreName, curve.score());
            dataset.addSeries(Charts.of(key, curve.x(), curve.y()));
            if (curve.average()) {
                Color grey = averageIndex++ == 0 ? Color.BLACK : Color.DARK_GRAY;
                Charts.series(renderer, i, grey, averageIndex == 1 ? style.dashed(1.3f) : style.dashed(0.9f));
            } else {
                Charts.series(renderer, i, FigureStyle.seriesColor(classIndex++), style.stroke(1.3f));
            }
            double[] x = curve.x();
            double[] y = curve.y();
            for (int k = 0; k < x.length; k++) {
                data.row(curve.label(), curve.score(), x[k], y[k]);
            }
        }
        XYPlot plot = Charts.plot(dataset, Charts.unitAxis(xLabel), Charts.unitAxis(yLabel), renderer);
        JFreeChart chart = Charts.xy(title, plot, true);
        return new Figure(chart, data.build());
    }
}
