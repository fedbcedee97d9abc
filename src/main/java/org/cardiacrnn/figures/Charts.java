package org.cardiacrnn.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;

/** Shared construction of plots so every builder gets the same axes, legend and style. */
final class Charts {

    private Charts() {
    }

    /** An XY chart with number axes, legend below the plot, print style applied. */
    static JFreeChart xy(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, FigureStyle.print().font(Font.BOLD, 9f), plot, legend);
        return finish(chart);
    }

    static JFreeChart finish(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
        }
        FigureStyle.print().apply(chart);
        return chart;
    }

    /**
     * Moves the legend into a corner of the plot, where curves of this kind leave empty space, instead of
     * taking a third of a single-column figure's height below it.
     */
    static void legendInside(JFreeChart chart, RectangleAnchor corner) {
        XYPlot plot = chart.getXYPlot();
        chart.removeLegend();
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemLabelPadding(new RectangleInsets(0, 2, 0, 2));
        legend.setPadding(new RectangleInsets(2, 2, 2, 2));
        double x = corner == RectangleAnchor.BOTTOM_LEFT || corner == RectangleAnchor.TOP_LEFT ? 0.02 : 0.98;
        double y = corner == RectangleAnchor.TOP_LEFT || corner == RectangleAnchor.TOP_RIGHT ? 0.98 : 0.02;
        XYTitleAnnotation annotation = new XYTitleAnnotation(x, y, legend, corner);
        annotation.setMaxWidth(0.75);
        plot.addAnnotation(annotation);
        FigureStyle.print().apply(chart);
    }

    static XYPlot plot(XYDataset dataset, ValueAxis xAxis, ValueAxis yAxis,
                       org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        return plot;
    }

    static NumberAxis axis(String label, boolean includeZero) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(includeZero);
        return axis;
    }

    /** Axis fixed to [0, 1] with a small margin, for rates and probabilities. */
    static NumberAxis unitAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-0.02, 1.02);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2, new java.text.DecimalFormat("0.0")));
        return axis;
    }

    /** Lines only, no shapes. */
    static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        return renderer;
    }

    /**
     * A renderer whose legend lists only the series that have points: an entry for a line with nothing drawn
     * (no validation split, or before the first epoch) named a curve the reader could not find.
     */
    static final class DrawnSeriesRenderer extends XYLineAndShapeRenderer {

        private static final long serialVersionUID = 1L;

        DrawnSeriesRenderer(boolean lines, boolean shapes) {
            super(lines, shapes);
        }

        @Override
        public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
            org.jfree.chart.plot.XYPlot plot = getPlot();
            org.jfree.data.xy.XYDataset dataset = plot == null ? null : plot.getDataset(datasetIndex);
            if (dataset != null && dataset.getItemCount(series) == 0) {
                return null;
            }
            return super.getLegendItem(datasetIndex, series);
        }
    }

    /** Point markers small enough for a 30-epoch curve at 85 mm (JFreeChart's default is a 6 pt square). */
    static void smallDots(XYLineAndShapeRenderer renderer, int seriesCount) {
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
    }

    static void series(XYLineAndShapeRenderer renderer, int index, Color color, Stroke stroke) {
        renderer.setSeriesPaint(index, color);
        renderer.setSeriesStroke(index, stroke);
    }

    /** Series for data that arrives in x order: no sorting and duplicates allowed keep appends O(1). */
    static XYSeries appendOnly(String key) {
        return new XYSeries(key, false, true);
    }

    static XYSeries of(String key, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(key + ": " + x.length + " x values but " + y.length + " y values");
        }
        XYSeries series = appendOnly(key);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], y[i], false);
        }
        return series;
    }
}
