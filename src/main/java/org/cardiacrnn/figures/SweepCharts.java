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

    /** A fraction axis (accuracy) spans at least this much, so a 1 % difference between runs stays small. */
    static final double MIN_FRACTION_SPAN = 0.2;

    /** Overlays one metric of several runs, one colour per run with its name in the legend. */
    public static Figure runOverlay(String metricLabel, List<RunCurve> runs) {
        return runOverlay(metricLabel, runs, false);
    }

    /**
     * Overlays one metric of several runs. Each run has its own colour, dash pattern and marker, so runs with
     * identical curves still show one over the other, and its name in the legend.
     *
     * @param fraction the metric is a fraction (accuracy): the axis stays within [0, 1] and spans at least
     *                 {@link #MIN_FRACTION_SPAN}
     */
    public static Figure runOverlay(String metricLabel, List<RunCurve> runs, boolean fraction) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        FigureData.Builder data = FigureData.builder("run", "epoch", metricLabel);
        java.awt.Shape[] markers = DataCharts.markers();
        for (int r = 0; r < runs.size(); r++) {
            RunCurve run = runs.get(r);
            // Two runs may share a name (clones); the series key must stay unique or JFreeChart rejects it.
            String key = dataset.getSeriesIndex(run.runName()) >= 0 ? run.runName() + " (" + (r + 1) + ")"
                    : run.runName();
            dataset.addSeries(Charts.of(key, run.epochs(), run.values()));
            Charts.series(renderer, r, FigureStyle.seriesColor(r), dashPattern(r));
            renderer.setSeriesShape(r, markers[r % markers.length]);
            double[] epochs = run.epochs();
            double[] values = run.values();
            for (int i = 0; i < epochs.length; i++) {
                data.row(key, epochs[i], values[i]);
            }
        }
        NumberAxis epochAxis = Charts.axis("Epoch", false);
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis valueAxis = fraction ? fractionAxis(metricLabel, runs) : valueAxis(metricLabel, runs);
        XYPlot plot = Charts.plot(dataset, epochAxis, valueAxis, renderer);
        return new Figure(Charts.xy(metricLabel + " per run", plot, true), data.build());
    }

    /** Solid, dashed, dotted, dash-dot, then round again: a line on top leaves gaps the one below shows in. */
    private static java.awt.BasicStroke dashPattern(int run) {
        float width = FigureStyle.print().stroke(1.3f).getLineWidth();
        float[][] patterns = {null, {5 * width, 3 * width}, {width, 2.5f * width}, {6 * width, 2.5f * width,
            width, 2.5f * width}};
        float[] pattern = patterns[run % patterns.length];
        return pattern == null ? FigureStyle.print().stroke(1.3f) : new java.awt.BasicStroke(width,
                java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    /**
     * An axis that spans at least a tenth of the largest value: equal values (one epoch, or runs that agree)
     * otherwise zoomed to a millionth, ten ticks all reading 9.308096E-1.
     */
    static NumberAxis valueAxis(String label, List<RunCurve> runs) {
        double largest = 0;
        for (RunCurve run : runs) {
            for (double value : run.values()) {
                if (Double.isFinite(value)) {
                    largest = Math.max(largest, Math.abs(value));
                }
            }
        }
        NumberAxis axis = Charts.axis(label, false);
        axis.setAutoRangeMinimumSize(largest > 0 ? largest / 10 : 1);
        return axis;
    }

    /** The runs' range widened to {@link #MIN_FRACTION_SPAN} around its middle, kept within [0, 1]. */
    static NumberAxis fractionAxis(String label, List<RunCurve> runs) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (RunCurve run : runs) {
            for (double value : run.values()) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (low > high) {
            low = 0;
            high = 1;
        }
        double span = Math.max(MIN_FRACTION_SPAN, high - low);
        double bottom = Math.max(0, (low + high) / 2 - span / 2);
        double top = Math.min(1, bottom + span);
        bottom = Math.max(0, top - span);
        NumberAxis axis = Charts.axis(label, false);
        // A little room beyond the span, so points on 0 or 1 are not cut in half by the plot's edge.
        double margin = 0.02 * span;
        axis.setRange(bottom - margin, top + margin);
        return axis;
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
