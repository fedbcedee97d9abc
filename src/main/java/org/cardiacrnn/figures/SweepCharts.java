package org.cardiacrnn.figures;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Comparing runs: curves of several runs overlaid, and simple views of a hyperparameter sweep. */
public final class SweepCharts {

    private SweepCharts() {
    }

    /** Overlays one metric of several runs, one colour per run with its name in the legend. */
    public static Figure runOverlay(String metricLabel, List<RunCurve> runs) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = Charts.lines();
        FigureData.Builder data = FigureData.builder("run", "epoch", metricLabel);
        for (int r = 0; r < runs.size(); r++) {
            RunCurve run = runs.get(r);
            // Two runs may share a name (clones); the series key must stay unique or JFreeChart rejects it.
            String key = dataset.getSeriesIndex(run.runName()) >= 0 ? run.runName() + " (" + (r + 1) + ")"
                    : run.runName();
            dataset.addSeries(Charts.of(key, run.epochs(), run.values()));
            Charts.series(renderer, r, FigureStyle.seriesColor(r), FigureStyle.print().stroke(1.3f));
            double[] epochs = run.epochs();
            double[] values = run.values();
            for (int i = 0; i < epochs.length; i++) {
                data.row(key, epochs[i], values[i]);
            }
        }
        NumberAxis epochAxis = Charts.axis("Epoch", false);
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = Charts.plot(dataset, epochAxis, Charts.axis(metricLabel, false), renderer);
        return new Figure(Charts.xy(metricLabel + " per run", plot, true), data.build());
    }

    /**
     * Scatter of a metric against one hyperparameter across the runs of a sweep.
     *
     * @param logX log axis for parameters spanning decades (learning rate, weight decay)
     */
    public static Figure metricVsHyperparameter(String parameter, String metric, double[] parameterValues,
                                                double[] metricValues, boolean logX) {
        XYSeries series = Charts.of("Runs", parameterValues, metricValues);
        FigureData.Builder data = FigureData.builder(parameter, metric);
        for (int i = 0; i < parameterValues.length; i++) {
            data.row(parameterValues[i], metricValues[i]);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, FigureStyle.seriesColor(0));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        ValueAxis x;
        if (logX) {
            LogAxis log = new LogAxis(parameter);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
            x = log;
        } else {
            x = Charts.axis(parameter, false);
        }
        XYPlot plot = Charts.plot(new XYSeriesCollection(series), x, Charts.axis(metric, false), renderer);
        return new Figure(Charts.xy(metric + " vs " + parameter, plot, false), data.build());
    }

    /**
     * Parallel coordinates: each run is a line across the axes, each axis scaled to its own min–max.
     * Lines are coloured by the last axis (usually the metric), grey for low and orange for high.
     *
     * @param axes axis names, the metric last
     * @param runs one array of values per run, in {@code axes} order
     */
    public static Figure parallelCoordinates(List<String> axes, List<double[]> runs) {
        int n = axes.size();
        double[] min = new double[n];
        double[] max = new double[n];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] run : runs) {
            if (run.length != n) {
                throw new IllegalArgumentException("a run has " + run.length + " values for " + n + " axes");
            }
            for (int a = 0; a < n; a++) {
                min[a] = Math.min(min[a], run[a]);
                max[a] = Math.max(max[a], run[a]);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        // Grey for the lowest metric to orange for the highest: both show on white paper and on the dark theme.
        SequentialPaintScale scale = new SequentialPaintScale(min[n - 1], max[n - 1], new java.awt.Color(0xB0B0B0),
                new java.awt.Color(0xE6550D));
        FigureData.Builder data = FigureData.builder("run", "axis", "value", "scaled_0_1");
        for (int r = 0; r < runs.size(); r++) {
            XYSeries line = Charts.appendOnly("run " + (r + 1));
            double[] run = runs.get(r);
            for (int a = 0; a < n; a++) {
                double scaled = max[a] > min[a] ? (run[a] - min[a]) / (max[a] - min[a]) : 0.5;
                line.add(a, scaled, false);
                data.row(r + 1, axes.get(a), run[a], scaled);
            }
            dataset.addSeries(line);
            renderer.setSeriesPaint(r, scale.getPaint(run[n - 1]));
            renderer.setSeriesStroke(r, FigureStyle.print().stroke(1.0f));
            renderer.setSeriesShape(r, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        SymbolAxis axisNames = new SymbolAxis(null, axes.toArray(String[]::new));
        axisNames.setGridBandsVisible(false);
        axisNames.setRange(-0.35, n - 0.65);
        NumberAxis scaled = new NumberAxis("Scaled value (min–max per axis)");
        scaled.setRange(-0.1, 1.1);
        // The real ranges are printed at each axis's ends, so the 0–1 ticks would only mislead.
        scaled.setTickLabelsVisible(false);
        scaled.setTickMarksVisible(false);
        XYPlot plot = Charts.plot(dataset, axisNames, scaled, renderer);
        plot.setRangeGridlinesVisible(false);
        for (int a = 0; a < n; a++) {
            // Scaled axes hide the real ranges; print each axis's min and max at its ends.
            plot.addAnnotation(rangeLabel(a, 1.02, max[a], TextAnchor.BOTTOM_CENTER), false);
            plot.addAnnotation(rangeLabel(a, -0.02, min[a], TextAnchor.TOP_CENTER), false);
        }
        JFreeChart chart = Charts.xy("Sweep", plot, false);
        return new Figure(chart, data.build());
    }

    /** Short number text: scientific for very small or large magnitudes (1E-4), else 3 significant digits. */
    static String compact(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 0.01 || magnitude >= 10000)) {
            return new java.text.DecimalFormat("0.##E0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    private static XYTextAnnotation rangeLabel(int axis, double y, double value, TextAnchor anchor) {
        XYTextAnnotation label = new PlotTextAnnotation(compact(value), axis, y);
        label.setTextAnchor(anchor);
        return label;
    }
}
