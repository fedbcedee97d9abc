package org.cardiacrnn.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/** Confusion-matrix heatmap: true class on the y axis (top to bottom), predicted class on x, values in cells. */
public final class ConfusionMatrixChart {

    private ConfusionMatrixChart() {
    }

    /**
     * Builds the heatmap.
     *
     * @param counts     counts[true][predicted], square, one row per class
     * @param classNames class names in index order
     * @param mode       counts, row percentages or column percentages
     * @return the chart (dataset z = shown value) and a CSV table (true, predicted, count, shown value)
     */
    public static Figure build(long[][] counts, List<String> classNames, ConfusionMode mode) {
        int n = classNames.size();
        if (counts.length != n) {
            throw new IllegalArgumentException(counts.length + " rows for " + n + " classes");
        }
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        FigureData.Builder data = FigureData.builder("true_class", "predicted_class", "count", valueColumn(mode));
        XYPlot plot = new XYPlot();
        double max = mode == ConfusionMode.COUNTS ? 1 : 100;
        for (long[] row : counts) {
            if (row.length != n) {
                throw new IllegalArgumentException("confusion matrix row has " + row.length + " cells for "
                        + n + " classes");
            }
            for (long c : row) {
                max = mode == ConfusionMode.COUNTS ? Math.max(max, c) : max;
            }
        }
        SequentialPaintScale scale = new SequentialPaintScale(0, max);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                double value = value(counts, t, p, mode);
                int k = t * n + p;
                xs[k] = p;
                ys[k] = n - 1 - t;
                zs[k] = value;
                data.row(classNames.get(t), classNames.get(p), counts[t][p], value);
                XYTextAnnotation label = new XYTextAnnotation(text(value, mode), p, n - 1 - t);
                label.setPaint(FigureStyle.textOn((Color) scale.getPaint(value)));
                label.setFont(FigureStyle.print().font(Font.PLAIN, 7f));
                plot.addAnnotation(label, false);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("cells", new double[][] {xs, ys, zs});
        plot.setDataset(dataset);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        plot.setRenderer(renderer);
        String[] names = classNames.toArray(String[]::new);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = names[n - 1 - i];
        }
        SymbolAxis predicted = new SymbolAxis("Predicted class", names);
        SymbolAxis actual = new SymbolAxis("True class", reversed);
        for (SymbolAxis axis : List.of(predicted, actual)) {
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, n - 0.5);
        }
        predicted.setVerticalTickLabels(n > 4 || longestName(names) > 10);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(actual);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title(mode), plot);
        chart.removeLegend();
        // The title already says what the cells hold, so the colour bar needs no label of its own.
        NumberAxis scaleAxis = new NumberAxis();
        scaleAxis.setRange(0, max);
        scaleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(6);
        legend.setStripOutlineVisible(false);
        legend.setAxisOffset(2);
        legend.setMargin(new RectangleInsets(20, 2, 20, 2));
        chart.addSubtitle(legend);
        Charts.finish(chart);
        return new Figure(chart, data.build());
    }

    static double value(long[][] counts, int t, int p, ConfusionMode mode) {
        long cell = counts[t][p];
        return switch (mode) {
            case COUNTS -> cell;
            case ROW_PERCENT -> percent(cell, rowSum(counts, t));
            case COLUMN_PERCENT -> percent(cell, columnSum(counts, p));
        };
    }

    private static double percent(long cell, long total) {
        return total == 0 ? 0 : 100.0 * cell / total;
    }

    private static long rowSum(long[][] counts, int row) {
        long sum = 0;
        for (long c : counts[row]) {
            sum += c;
        }
        return sum;
    }

    private static long columnSum(long[][] counts, int column) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[column];
        }
        return sum;
    }

    private static String text(double value, ConfusionMode mode) {
        return mode == ConfusionMode.COUNTS ? Long.toString(Math.round(value))
                : String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static String title(ConfusionMode mode) {
        return switch (mode) {
            case COUNTS -> "Confusion matrix";
            case ROW_PERCENT -> "Confusion matrix (% of true class)";
            case COLUMN_PERCENT -> "Confusion matrix (% of predicted class)";
        };
    }

    private static String valueColumn(ConfusionMode mode) {
        return switch (mode) {
            case COUNTS -> "count_shown";
            case ROW_PERCENT -> "percent_of_true_class";
            case COLUMN_PERCENT -> "percent_of_predicted_class";
        };
    }

    private static int longestName(String[] names) {
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length());
        }
        return longest;
    }
}
