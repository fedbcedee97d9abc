package org.cardiacrnn.figures;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** How far the classifier's confidence can be trusted, and how early it is right. */
public final class CalibrationCharts {

    private CalibrationCharts() {
    }

    /**
     * Reliability diagram over equal-width confidence bins on [0, 1]; empty bins (count 0) are not drawn.
     *
     * @param binAccuracy       fraction correct per bin
     * @param binMeanConfidence mean top-class probability per bin
     * @param binCount          predictions per bin
     */
    public static Figure reliability(double[] binAccuracy, double[] binMeanConfidence, long[] binCount) {
        int bins = binAccuracy.length;
        if (binMeanConfidence.length != bins || binCount.length != bins || bins == 0) {
            throw new IllegalArgumentException("reliability diagram needs the same, non-zero number of bins for "
                    + "accuracy, confidence and counts");
        }
        XYIntervalSeries bars = new XYIntervalSeries("Accuracy per bin");
        XYIntervalSeries confidence = new XYIntervalSeries("Mean confidence");
        FigureData.Builder data = FigureData.builder("bin_lower", "bin_upper", "mean_confidence", "accuracy",
                "count");
        for (int b = 0; b < bins; b++) {
            double lo = b / (double) bins;
            double hi = (b + 1) / (double) bins;
            data.row(lo, hi, binMeanConfidence[b], binAccuracy[b], binCount[b]);
            if (binCount[b] > 0) {
                bars.add((lo + hi) / 2, lo, hi, binAccuracy[b], 0, binAccuracy[b]);
                confidence.add(binMeanConfidence[b], lo, hi, binAccuracy[b], binAccuracy[b], binAccuracy[b]);
            }
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(bars);
        XYBarRenderer renderer = bars();
        renderer.setSeriesPaint(0, FigureStyle.seriesColor(0));
        XYPlot plot = Charts.plot(dataset, Charts.unitAxis("Confidence"), Charts.unitAxis("Accuracy"), renderer);
        // Mean confidence as points over the bars: a second bar series would hide behind the first.
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, FigureStyle.seriesColor(1));
        points.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-2, -2, 4, 4));
        XYIntervalSeriesCollection confidenceData = new XYIntervalSeriesCollection();
        confidenceData.addSeries(confidence);
        plot.setDataset(1, confidenceData);
        plot.setRenderer(1, points);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, FigureStyle.print().dashed(0.7f), Color.GRAY));
        JFreeChart chart = Charts.xy("Reliability", plot, true);
        Charts.legendInside(chart, RectangleAnchor.TOP_LEFT);
        return new Figure(chart, data.build());
    }

    /**
     * Histogram of top-class probabilities, correct and wrong predictions side by side in each bin.
     *
     * @param correctConfidences confidence of each correct prediction
     * @param wrongConfidences   confidence of each wrong prediction
     * @param bins               number of equal-width bins on [0, 1]
     */
    public static Figure confidenceHistogram(double[] correctConfidences, double[] wrongConfidences, int bins) {
        HistogramDataset dataset = new HistogramDataset();
        FigureData.Builder data = FigureData.builder("series", "bin_lower", "bin_upper", "count");
        addHistogram(dataset, data, "Correct", correctConfidences, bins);
        addHistogram(dataset, data, "Wrong", wrongConfidences, bins);
        // Side by side in each bin, in opaque colours: overlaid translucent bars mixed a third colour that the
        // legend did not explain.
        XYBarRenderer renderer = new org.jfree.chart.renderer.xy.ClusteredXYBarRenderer(0.1, false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, FigureStyle.seriesColor(0));
        renderer.setSeriesPaint(1, FigureStyle.seriesColor(1));
        NumberAxis count = Charts.axis("Predictions", true);
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = Charts.plot(dataset, Charts.unitAxis("Confidence (top-class probability)"), count, renderer);
        JFreeChart chart = Charts.xy("Confidence", plot, true);
        Charts.legendInside(chart, RectangleAnchor.TOP_LEFT);
        return new Figure(chart, data.build());
    }

    /**
     * Accuracy as a function of how many time points the classifier has seen.
     *
     * @param stepsSeen number of leading time points given to the model
     * @param accuracy  accuracy at each prefix length, in [0, 1]
     * @param lower     lower confidence bound per point, or {@code null} for no band
     * @param upper     upper confidence bound per point, or {@code null}
     */
    public static Figure earlyPrediction(int[] stepsSeen, double[] accuracy, double[] lower, double[] upper) {
        boolean band = lower != null && upper != null;
        YIntervalSeries series = new YIntervalSeries(band ? "Accuracy ± confidence interval" : "Accuracy");
        FigureData.Builder data = FigureData.builder("time_points_seen", "accuracy", "ci_lower", "ci_upper");
        for (int i = 0; i < stepsSeen.length; i++) {
            double lo = band ? lower[i] : accuracy[i];
            double hi = band ? upper[i] : accuracy[i];
            series.add(stepsSeen[i], accuracy[i], lo, hi);
            data.row(stepsSeen[i], accuracy[i], band ? lo : Double.NaN, band ? hi : Double.NaN);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, FigureStyle.seriesColor(0));
        renderer.setSeriesFillPaint(0, FigureStyle.seriesColor(0));
        renderer.setAlpha(0.2f);
        renderer.setSeriesStroke(0, FigureStyle.print().stroke(1.5f));
        Charts.smallDots(renderer, 1);
        NumberAxis steps = Charts.axis("Time points seen", false);
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = Charts.plot(new YIntervalSeriesCollection(), steps, Charts.unitAxis("Accuracy"), renderer);
        ((YIntervalSeriesCollection) plot.getDataset()).addSeries(series);
        JFreeChart chart = Charts.xy("Early prediction", plot, true);
        Charts.legendInside(chart, RectangleAnchor.BOTTOM_RIGHT);
        return new Figure(chart, data.build());
    }

    private static void addHistogram(HistogramDataset dataset, FigureData.Builder data, String key,
                                     double[] values, int bins) {
        if (values.length == 0) {
            return;
        }
        dataset.addSeries(key, values, bins, 0.0, 1.0);
        int s = dataset.getSeriesCount() - 1;
        for (int i = 0; i < dataset.getItemCount(s); i++) {
            data.row(key, dataset.getStartXValue(s, i), dataset.getEndXValue(s, i), dataset.getYValue(s, i));
        }
    }

    private static XYBarRenderer bars() {
        XYBarRenderer renderer = new XYBarRenderer(0.0);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        return renderer;
    }
}
