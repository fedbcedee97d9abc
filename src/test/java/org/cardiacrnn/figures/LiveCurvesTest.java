package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class LiveCurvesTest {

    @Test
    void appendsDoNotRedrawUntilFlush() {
        LiveCurves curves = new LiveCurves();
        AtomicInteger lossChanges = new AtomicInteger();
        curves.lossFigure().chart().addChangeListener(e -> lossChanges.incrementAndGet());

        for (int i = 0; i < 100; i++) {
            curves.addIteration(i / 100.0, 1.0 / (i + 1));
        }
        curves.addEpoch(1, 0.5, 0.6, 0.7, 0.65, 1e-3);
        assertThat(lossChanges).hasValue(0);

        curves.flush();
        int afterFlush = lossChanges.get();
        assertThat(afterFlush).isPositive().isLessThanOrEqualTo(3);
        curves.flush();
        assertThat(lossChanges).as("a flush with nothing new does not redraw").hasValue(afterFlush);
    }

    @Test
    void chartsShowEveryAppendedPointAfterFlush() {
        LiveCurves curves = SampleFigures.trainingCurves(3, 5);
        XYDataset loss = curves.lossFigure().chart().getXYPlot().getDataset();

        assertThat(curves.iterationCount()).isEqualTo(15);
        assertThat(curves.epochCount()).isEqualTo(3);
        assertThat(loss.getItemCount(0)).isEqualTo(15);
        assertThat(loss.getItemCount(2)).isEqualTo(3);
        assertThat(curves.lossFigure().chart().getXYPlot().getDataset().getYValue(1, 0))
                .isEqualTo(1.4 * Math.exp(-1 / 8.0) + 0.15);
    }

    @Test
    void missingValidationValuesAreSkippedNotPlottedAsZero() {
        LiveCurves curves = new LiveCurves();
        curves.addEpoch(1, 0.9, Double.NaN, 0.5, Double.NaN, 1e-3);
        curves.flush();
        XYDataset accuracy = curves.accuracyFigure().chart().getXYPlot().getDataset();
        assertThat(accuracy.getItemCount(0)).isEqualTo(1);
        assertThat(accuracy.getItemCount(1)).isZero();
    }

    @Test
    void theLegendNamesOnlyLinesThatAreDrawnAndOneEpochShowsAsPoints() {
        LiveCurves curves = new LiveCurves();
        assertThat(legend(curves.lossFigure())).isEmpty();
        curves.addIteration(0.5, 1.2);
        curves.addEpoch(1, 0.9, Double.NaN, 0.5, Double.NaN, 1e-3);
        curves.flush();
        assertThat(legend(curves.lossFigure())).containsExactly("Train loss (iteration)", "Train loss");
        assertThat(legend(curves.accuracyFigure())).containsExactly("Train accuracy");
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
                (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) curves.lossFigure().chart().getXYPlot()
                        .getRenderer();
        assertThat(renderer.getItemShapeVisible(1, 0)).as("a single epoch's loss is a visible point").isTrue();
        assertThat(renderer.getItemShapeVisible(0, 0)).as("iterations stay a plain line").isFalse();
        curves.addEpoch(2, 0.8, 0.85, 0.6, 0.55, 1e-3);
        curves.flush();
        assertThat(legend(curves.lossFigure())).contains("Validation loss");
    }

    private static java.util.List<String> legend(Figure figure) {
        java.util.List<String> labels = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = figure.chart().getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    @Test
    void csvTablesHaveOneRowPerPlottedPoint() {
        LiveCurves curves = SampleFigures.trainingCurves(4, 10);
        assertThat(curves.lossFigure().data().rows()).hasSize(40 + 4 + 4);
        assertThat(curves.accuracyFigure().data().rows()).hasSize(8);
        assertThat(curves.learningRateFigure().data().rows()).hasSize(4);
        assertThat(curves.lossFigure().data().columns()).containsExactly("series", "x", "y");
    }

    @Test
    void learningRateUsesALogAxis() {
        LiveCurves curves = new LiveCurves();
        assertThat(curves.learningRateFigure().chart().getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
    }

    @Test
    void learningRateTicksReadAsPlainDecimals() {
        LogAxis axis = (LogAxis) new LiveCurves().learningRateFigure().chart().getXYPlot().getRangeAxis();
        assertThat(axis.getNumberFormatOverride().format(0.01)).isEqualTo("0.01");
        assertThat(axis.getNumberFormatOverride().format(0.0001)).isEqualTo("0.0001");
    }

    @Test
    void clearEmptiesEveryCurve() {
        LiveCurves curves = SampleFigures.trainingCurves(2, 3);
        curves.clear();
        assertThat(curves.iterationCount()).isZero();
        assertThat(curves.epochCount()).isZero();
        assertThat(curves.learningRateFigure().data().rows()).isEmpty();
    }

    @Test
    void learningRateAxisSpansWholeDecadesSoItAlwaysHasLabels() {
        LiveCurves curves = new LiveCurves();
        curves.addEpoch(1, 1.0, 1.0, 0.5, 0.5, 3e-3);
        curves.addEpoch(2, 0.9, 0.9, 0.6, 0.6, 1.5e-3);
        curves.flush();
        var axis = curves.learningRateFigure().chart().getXYPlot().getRangeAxis();
        // Both decade ticks inside the range, with a margin so they are drawn.
        assertThat(axis.getLowerBound()).isLessThan(1e-3).isGreaterThan(5e-4);
        assertThat(axis.getUpperBound()).isGreaterThan(1e-2).isLessThan(2e-2);
    }

    @Test
    void aFlushRedrawsEachGrownChartOnceAndLeavesTheOthersAlone() {
        LiveCurves curves = new LiveCurves();
        int[] redraws = new int[3];
        curves.lossFigure().chart().addChangeListener(event -> redraws[0]++);
        curves.accuracyFigure().chart().addChangeListener(event -> redraws[1]++);
        curves.learningRateFigure().chart().addChangeListener(event -> redraws[2]++);

        curves.addIteration(0.5, 1.2);
        curves.addIteration(1.0, 1.1);
        curves.flush();
        assertThat(redraws).containsExactly(1, 0, 0);

        curves.addEpoch(1, 1.1, 1.3, 0.4, 0.35, 1e-3);
        curves.flush();
        assertThat(redraws).containsExactly(2, 1, 1);

        curves.flush();
        assertThat(redraws).as("nothing new, nothing redrawn").containsExactly(2, 1, 1);
    }
}
