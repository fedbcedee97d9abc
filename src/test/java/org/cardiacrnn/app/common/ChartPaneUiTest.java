package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.FigureData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ChartPaneUiTest {

    private ChartPane pane;

    @Start
    void start(Stage stage) {
        pane = new ChartPane("chart", new CurrentThreadTaskExecutor(), error -> { }, new SimpleBooleanProperty(false));
        stage.setScene(new Scene(pane, 600, 400));
        stage.show();
    }

    /**
     * JavaFX's text measurement built a scene-graph node per tick label at every redraw of a live chart, which kept
     * the window from its frames during training; a shown chart measures text with AWT's cached metrics.
     */
    @Test
    void aShownChartMeasuresItsTextWithoutJavaFxNodes(FxRobot robot) {
        XYSeries loss = new XYSeries("loss");
        loss.add(1, 0.9);
        loss.add(2, 0.5);
        JFreeChart chart = ChartFactory.createXYLineChart("Loss", "Epoch", "Loss", new XYSeriesCollection(loss));
        assertThat(chart.getRenderingHints().get(FXHints.KEY_USE_FX_FONT_METRICS)).isNull();

        robot.interact(() -> pane.show("Loss", new Figure(chart, new FigureData(List.of("x"), List.of()))));

        assertThat(chart.getRenderingHints().get(FXHints.KEY_USE_FX_FONT_METRICS)).isEqualTo(Boolean.FALSE);
    }
}
