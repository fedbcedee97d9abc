package org.cardiacrnn.figures;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Predictions on new data: how the probability of a group's called class develops over time. */
public final class PredictionCharts {

    private PredictionCharts() {
    }

    /** One line of a group: the probability of {@code className} at each time. */
    public record GroupLine(String group, String className, double[] time, double[] probability) {
    }

    /** One line per group, probability 0–1 against time. */
    public static Figure probabilityOverTime(String timeLabel, List<GroupLine> lines) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        FigureData.Builder data = FigureData.builder("group", "class", "time", "probability");
        for (int g = 0; g < lines.size(); g++) {
            GroupLine line = lines.get(g);
            XYSeries series = new XYSeries(line.group() + ": " + line.className(), false, true);
            for (int i = 0; i < line.time().length; i++) {
                series.add(line.time()[i], line.probability()[i]);
                data.row(line.group(), line.className(), line.time()[i], line.probability()[i]);
            }
            dataset.addSeries(series);
            Color color = FigureStyle.seriesColor(g);
            renderer.setSeriesPaint(g, color);
            renderer.setSeriesStroke(g, FigureStyle.print().stroke(1.3f));
            renderer.setSeriesShape(g, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        XYPlot plot = Charts.plot(dataset, Charts.axis(timeLabel, false),
                Charts.axis("Probability of the called class", false), renderer);
        plot.getRangeAxis().setRange(0, 1.02);
        return new Figure(Charts.xy("Probability over time", plot, true), data.build());
    }
}
