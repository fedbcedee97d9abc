package org.cardiacrnn.figures;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves that grow while a run trains: loss (per-iteration faint, per-epoch bold, train and
 * validation), accuracy (train/validation) and learning rate (log axis). The x axis is in epochs;
 * iterations are placed at fractional epochs. Appends are O(1) and fire no events; call {@link #flush()}
 * (e.g. from the coalesced ~20 Hz UI update) to redraw once. Not thread-safe: call from one thread
 * (the FX thread in the GUI).
 */
public final class LiveCurves {

    private final XYSeries iterationLoss = Charts.appendOnly("Train loss (iteration)");
    private final XYSeries trainLoss = Charts.appendOnly("Train loss");
    private final XYSeries validationLoss = Charts.appendOnly("Validation loss");
    private final XYSeries trainAccuracy = Charts.appendOnly("Train accuracy");
    private final XYSeries validationAccuracy = Charts.appendOnly("Validation accuracy");
    private final XYSeries learningRate = Charts.appendOnly("Learning rate");
    private final List<XYSeries> all = List.of(iterationLoss, trainLoss, validationLoss, trainAccuracy,
            validationAccuracy, learningRate);
    private final JFreeChart lossChart;
    private final JFreeChart accuracyChart;
    private final JFreeChart learningRateChart;
    private boolean dirty;
    private int epochsShown;
    private int epochChartsPending;

    /** Empty curves with their three charts. */
    public LiveCurves() {
        FigureStyle style = FigureStyle.print();
        XYSeriesCollection loss = new XYSeriesCollection();
        loss.addSeries(iterationLoss);
        loss.addSeries(trainLoss);
        loss.addSeries(validationLoss);
        XYLineAndShapeRenderer lossRenderer = new Charts.DrawnSeriesRenderer(true, false);
        lossRenderer.setDrawSeriesLineAsPath(true);
        Color train = FigureStyle.seriesColor(0);
        Color validation = FigureStyle.seriesColor(1);
        // Per-iteration loss in Okabe-Ito sky blue: a lighter relative of the train colour that shows on dark
        // backgrounds too, where a translucent blue faded into the background.
        Charts.series(lossRenderer, 0, FigureStyle.seriesColor(5), style.stroke(0.6f));
        Charts.series(lossRenderer, 1, train, style.stroke(1.5f));
        Charts.series(lossRenderer, 2, validation, style.stroke(1.5f));
        // Per-epoch losses get markers: after one epoch a line has nothing to join, and only a point shows.
        Charts.smallDots(lossRenderer, 3);
        lossRenderer.setSeriesShapesVisible(1, true);
        lossRenderer.setSeriesShapesVisible(2, true);
        lossChart = Charts.xy("Loss", Charts.plot(loss, Charts.axis("Epoch", false),
                Charts.axis("Loss", true), lossRenderer), true);

        XYSeriesCollection accuracy = new XYSeriesCollection();
        accuracy.addSeries(trainAccuracy);
        accuracy.addSeries(validationAccuracy);
        XYLineAndShapeRenderer accuracyRenderer = new Charts.DrawnSeriesRenderer(true, true);
        Charts.series(accuracyRenderer, 0, train, style.stroke(1.5f));
        Charts.series(accuracyRenderer, 1, validation, style.stroke(1.5f));
        Charts.smallDots(accuracyRenderer, 2);
        accuracyChart = Charts.xy("Accuracy", Charts.plot(accuracy, wholeEpochs(),
                Charts.unitAxis("Accuracy"), accuracyRenderer), true);

        XYLineAndShapeRenderer lrRenderer = new XYLineAndShapeRenderer(true, true);
        Charts.series(lrRenderer, 0, FigureStyle.seriesColor(2), style.stroke(1.5f));
        Charts.smallDots(lrRenderer, 1);
        LogAxis lrAxis = new LogAxis("Learning rate");
        lrAxis.setSmallestValue(1e-12);
        lrAxis.setBase(10);
        lrAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        // Plain decimals ("0.01", "0.001") as the Model page shows them; "1E-2" read like a code, not a rate.
        lrAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.##########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        learningRateChart = Charts.xy("Learning rate", Charts.plot(new XYSeriesCollection(learningRate),
                wholeEpochs(), lrAxis, lrRenderer), false);
    }

    /** Epoch axis of the per-epoch charts: whole epochs only, never 1.5. */
    private static org.jfree.chart.axis.NumberAxis wholeEpochs() {
        org.jfree.chart.axis.NumberAxis axis = Charts.axis("Epoch", false);
        axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /**
     * Records one training iteration.
     *
     * @param epochPosition epoch index plus the fraction of the epoch done (e.g. 2.25)
     * @param loss          mini-batch training loss; NaN is skipped
     */
    public void addIteration(double epochPosition, double loss) {
        add(iterationLoss, epochPosition, loss);
    }

    /**
     * Records the end of an epoch; NaN values (e.g. no validation set) are skipped.
     *
     * @param epoch              1-based epoch number
     * @param trainLossValue     mean training loss over the epoch
     * @param validationLossValue validation loss
     * @param trainAccuracyValue training accuracy in [0, 1]
     * @param validationAccuracyValue validation accuracy in [0, 1]
     * @param learningRateValue  learning rate used in the epoch
     */
    public void addEpoch(int epoch, double trainLossValue, double validationLossValue, double trainAccuracyValue,
                         double validationAccuracyValue, double learningRateValue) {
        add(trainLoss, epoch, trainLossValue);
        add(validationLoss, epoch, validationLossValue);
        add(trainAccuracy, epoch, trainAccuracyValue);
        add(validationAccuracy, epoch, validationAccuracyValue);
        if (learningRateValue > 0) {
            add(learningRate, epoch, learningRateValue);
        }
    }

    /**
     * Redraws, once each, the charts whose curves grew since the last flush. Each series event alone would
     * redraw its whole chart (three times for the loss chart), and redrawing is most of what the UI thread
     * does during training.
     */
    public void flush() {
        while (flushOne()) {
            // Each call redraws one chart.
        }
    }

    /**
     * Redraws at most one chart whose curves grew, the loss chart first, so a caller can spread the redraws
     * of an epoch over successive frames.
     *
     * @return true while other charts still wait to be redrawn
     */
    public boolean flushOne() {
        if (dirty) {
            dirty = false;
            if (epochsShown != trainLoss.getItemCount()) {
                epochsShown = trainLoss.getItemCount();
                epochChartsPending = 2;
            }
            redraw(lossChart, iterationLoss, trainLoss, validationLoss);
        } else if (epochChartsPending == 2) {
            epochChartsPending = 1;
            redraw(accuracyChart, trainAccuracy, validationAccuracy);
        } else if (epochChartsPending == 1) {
            epochChartsPending = 0;
            learningRateChart.setNotify(false);
            spanWholeDecades();
            redraw(learningRateChart, learningRate);
        }
        return epochChartsPending > 0;
    }

    private static void redraw(JFreeChart chart, XYSeries... grown) {
        chart.setNotify(false);
        for (XYSeries series : grown) {
            series.fireSeriesChanged();
        }
        chart.setNotify(true);
    }

    /**
     * The log axis labels powers of ten only, so a learning rate that stays within one decade (e.g. 3e-3 to
     * 1.5e-3) would show no label at all; the axis is widened to the enclosing decades.
     */
    private void spanWholeDecades() {
        if (learningRate.getItemCount() == 0) {
            return;
        }
        double low = Math.pow(10, Math.floor(Math.log10(learningRate.getMinY())));
        double high = Math.pow(10, Math.ceil(Math.log10(learningRate.getMaxY())));
        if (high <= low) {
            high = low * 10;
        }
        // A little room beyond the decades, so the ticks at both ends are drawn.
        learningRateChart.getXYPlot().getRangeAxis().setRange(low / 1.15, high * 1.15);
    }

    /** Removes every point (a new run) and redraws. */
    public void clear() {
        if (all.stream().allMatch(series -> series.getItemCount() == 0)) {
            return;
        }
        List<JFreeChart> charts = List.of(lossChart, accuracyChart, learningRateChart);
        charts.forEach(chart -> chart.setNotify(false));
        for (XYSeries series : all) {
            series.clear();
        }
        charts.forEach(chart -> chart.setNotify(true));
        dirty = false;
        epochsShown = 0;
        epochChartsPending = 0;
    }

    /** Number of per-iteration loss points recorded. */
    public int iterationCount() {
        return iterationLoss.getItemCount();
    }

    /** Number of epochs recorded. */
    public int epochCount() {
        return trainLoss.getItemCount();
    }

    /** The loss chart with the plotted numbers at this moment. */
    public Figure lossFigure() {
        return new Figure(lossChart, table(List.of(iterationLoss, trainLoss, validationLoss)));
    }

    /** The accuracy chart with the plotted numbers at this moment. */
    public Figure accuracyFigure() {
        return new Figure(accuracyChart, table(List.of(trainAccuracy, validationAccuracy)));
    }

    /** The learning-rate chart (log axis) with the plotted numbers at this moment. */
    public Figure learningRateFigure() {
        return new Figure(learningRateChart, table(List.of(learningRate)));
    }

    private void add(XYSeries series, double x, double y) {
        if (Double.isNaN(y) || Double.isInfinite(y)) {
            return;
        }
        series.add(x, y, false);
        dirty = true;
    }

    /** Long format (series, epoch, value): one row per plotted point. */
    static FigureData table(List<XYSeries> series) {
        FigureData.Builder data = FigureData.builder("series", "x", "y");
        for (XYSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                data.row(s.getKey().toString(), s.getX(i).doubleValue(), s.getY(i).doubleValue());
            }
        }
        return data.build();
    }
}
