package org.cardiacrnn.figures;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A chart together with the numbers it plots. The same chart object is shown on screen (ChartViewer)
 * and handed to {@link FigureExporter}; {@code data} is what the CSV export writes.
 *
 * @param chart the drawable chart
 * @param data  the plotted numbers, one row per plotted point or cell
 */
public record Figure(JFreeChart chart, FigureData data) {

    public Figure {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(data, "data");
    }
}
