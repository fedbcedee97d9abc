package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports run on a worker thread while the chart stays on screen. If an export restyled anything the shown
 * chart shares, the screen's canvas would be redrawn from that worker thread: on the GTK toolkit that corrupts
 * the canvas and the confusion matrix turned solid black in the light theme.
 */
class ExportIsolationTest {

    @TempDir
    Path dir;

    @Test
    void exportingEveryFormatLeavesTheShownChartUntouched() {
        Figure figure = ConfusionMatrixChart.build(new long[][] {{5, 1}, {2, 7}}, List.of("atrial", "ventricular"),
                ConfusionMode.COUNTS);
        JFreeChart shown = figure.chart();
        FigureStyle.screen(true).apply(shown);
        AtomicInteger changes = new AtomicInteger();
        shown.addChangeListener(event -> changes.incrementAndGet());
        PaintScaleLegend legend = (PaintScaleLegend) shown.getSubtitle(0);
        Color legendTicks = (Color) legend.getAxis().getTickLabelPaint();

        FigureExporter exporter = new FigureExporter();
        for (ExportFormat format : ExportFormat.values()) {
            exporter.write(figure, format, FigureSize.SINGLE_COLUMN, 150, dir.resolve("cm." + format.extension()));
        }

        assertThat(changes).as("change events reaching the shown chart").hasValue(0);
        assertThat(legend.getAxis().getTickLabelPaint()).isEqualTo(legendTicks);
    }
}
