package org.cardiacrnn.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Charts of the input data: a gene over time, one sequence as a heatmap, class balance per split. */
public final class DataCharts {

    private DataCharts() {
    }

    /**
     * One line per trajectory (mean) with ± 1 sd drawn as error bars in the line's colour. Shaded bands of
     * several trajectories blended into a muddy grey no legend explains; bars keep every colour pure. Each
     * trajectory is nudged a little along time and has its own marker, so equal means do not hide each other.
     * Expression is never negative, so the lower end stops at zero.
     */
    public static Figure geneOverTime(String gene, String timeLabel, List<TrajectoryStats> trajectories) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setCapLength(4);
        FigureData.Builder data = FigureData.builder("trajectory", "time", "mean", "sd");
        boolean nonNegative = trajectories.stream().allMatch(stats -> java.util.Arrays.stream(stats.mean())
                .allMatch(mean -> mean >= 0));
        double nudge = 0.04 * smallestStep(trajectories);
        java.awt.Shape[] markers = markers();
        for (int t = 0; t < trajectories.size(); t++) {
            TrajectoryStats stats = trajectories.get(t);
            YIntervalSeries series = new YIntervalSeries(stats.trajectory(), false, true);
            double[] time = stats.time();
            double[] mean = stats.mean();
            double[] sd = stats.sd();
            double offset = (t - (trajectories.size() - 1) / 2.0) * nudge;
            for (int i = 0; i < time.length; i++) {
                double low = mean[i] - sd[i];
                series.add(time[i] + offset, mean[i], nonNegative ? Math.max(0, low) : low, mean[i] + sd[i]);
                data.row(stats.trajectory(), time[i], mean[i], sd[i]);
            }
            dataset.addSeries(series);
            Color color = FigureStyle.seriesColor(t);
            renderer.setSeriesPaint(t, color);
            renderer.setSeriesStroke(t, FigureStyle.print().stroke(1.3f));
            renderer.setSeriesShape(t, markers[t % markers.length]);
        }
        // The title names the gene; the axis label stays short enough for the Data page's chart at 1024 x 700.
        XYPlot plot = Charts.plot(dataset, Charts.axis(timeLabel, false),
                Charts.axis("Expression (mean ± sd)", false), renderer);
        return new Figure(Charts.xy(gene, plot, true), data.build());
    }

    private static double smallestStep(List<TrajectoryStats> trajectories) {
        double step = Double.POSITIVE_INFINITY;
        for (TrajectoryStats stats : trajectories) {
            double[] time = stats.time();
            for (int i = 1; i < time.length; i++) {
                double gap = Math.abs(time[i] - time[i - 1]);
                if (gap > 0) {
                    step = Math.min(step, gap);
                }
            }
        }
        return Double.isInfinite(step) ? 1 : step;
    }

    static java.awt.Shape[] markers() {
        return new java.awt.Shape[] {
            new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5),
            new java.awt.geom.Rectangle2D.Double(-2.5, -2.5, 5, 5),
            new java.awt.Polygon(new int[] {0, 3, -3}, new int[] {-3, 3, 3}, 3),
            new java.awt.Polygon(new int[] {0, 3, 0, -3}, new int[] {-3, 0, 3, 0}, 4)};
    }

    /**
     * Heatmap of one sequence: time points across, genes down (first gene at the top).
     *
     * @param title      e.g. the sequence's id and label
     * @param values     values[gene][time]
     * @param geneNames  one name per row of {@code values}
     * @param timeLabels one label per time point (e.g. "day 3")
     */
    public static Figure sequenceHeatmap(String title, double[][] values, List<String> geneNames,
                                         List<String> timeLabels) {
        return GeneTimeHeatmap.draw(title, values, geneNames, timeLabels, "value", "Expression",
                spread -> new SequentialPaintScale(Math.min(spread.min(), spread.max()),
                        Math.max(spread.min(), spread.max())));
    }

    /**
     * Grouped bar chart of sequences per class in each split.
     *
     * @param classNames     class names in order
     * @param countsPerSplit split name (e.g. "train") → count per class, in {@code classNames} order
     */
    public static Figure classBalance(List<String> classNames, Map<String, long[]> countsPerSplit) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        FigureData.Builder data = FigureData.builder("split", "class", "sequences");
        for (Map.Entry<String, long[]> split : countsPerSplit.entrySet()) {
            long[] counts = split.getValue();
            if (counts.length != classNames.size()) {
                throw new IllegalArgumentException("split " + split.getKey() + " has " + counts.length
                        + " counts for " + classNames.size() + " classes");
            }
            for (int c = 0; c < counts.length; c++) {
                dataset.addValue(counts[c], split.getKey(), classNames.get(c));
                data.row(split.getKey(), classNames.get(c), counts[c]);
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int s = 0; s < countsPerSplit.size(); s++) {
            renderer.setSeriesPaint(s, FigureStyle.seriesColor(s));
        }
        CategoryAxis classes = new CategoryAxis("Class");
        // Class names are single long words: breaking them mid-word or letting them collide in a narrow chart
        // made them unreadable, so long names are set at an angle instead.
        boolean longNames = classNames.stream().anyMatch(name -> name.length() > 8);
        classes.setMaximumCategoryLabelLines(1);
        if (longNames) {
            classes.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
        NumberAxis count = new NumberAxis("Sequences");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(dataset, classes, count, renderer);
        JFreeChart chart = new JFreeChart("Class balance", FigureStyle.print().font(Font.BOLD, 9f), plot, true);
        return new Figure(Charts.finish(chart), data.build());
    }
}
