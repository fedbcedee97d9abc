package org.cardiacrnn.figures;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A 2-D map of sequence embeddings (e.g. their first two principal components), one colour per group. */
public final class EmbeddingCharts {

    private EmbeddingCharts() {
    }

    /**
     * @param points     per sequence {x, y}
     * @param group      per sequence, its index in {@code groupNames} (its class, or its time point)
     * @param groupNames legend entries; series {@code g} of the chart holds the points of group {@code g} in
     *                   sequence order, so a clicked item maps back to its sequence
     */
    public static Figure map(String title, String xLabel, String yLabel, double[][] points, int[] group,
                             List<String> groupNames) {
        if (points.length != group.length) {
            throw new IllegalArgumentException(points.length + " points for " + group.length + " groups");
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        FigureData.Builder data = FigureData.builder("sequence", "group", "x", "y");
        for (int g = 0; g < groupNames.size(); g++) {
            XYSeries series = new XYSeries(groupNames.get(g), false, true);
            for (int i = 0; i < points.length; i++) {
                if (group[i] == g) {
                    series.add(points[i][0], points[i][1]);
                    data.row(i + 1, groupNames.get(g), points[i][0], points[i][1]);
                }
            }
            dataset.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int g = 0; g < groupNames.size(); g++) {
            renderer.setSeriesPaint(g, FigureStyle.seriesColor(g));
            renderer.setSeriesShape(g, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = Charts.plot(dataset, Charts.axis(xLabel, false), Charts.axis(yLabel, false), renderer);
        JFreeChart chart = Charts.xy(title, plot, true);
        return new Figure(chart, data.build());
    }
}
