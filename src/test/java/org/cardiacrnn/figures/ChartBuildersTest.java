package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

class ChartBuildersTest {

    @Test
    void confusionMatrixDatasetSumsToTheCountsAndLabelsEveryCell() {
        Figure figure = ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.COUNTS);
        XYPlot plot = figure.chart().getXYPlot();
        XYZDataset cells = (XYZDataset) plot.getDataset();

        double sum = 0;
        for (int i = 0; i < cells.getItemCount(0); i++) {
            sum += cells.getZValue(0, i);
        }
        assertThat(cells.getItemCount(0)).isEqualTo(16);
        assertThat(sum).isEqualTo(41 + 3 + 1 + 4 + 30 + 6 + 1 + 5 + 27 + 2 + 1 + 3 + 38);
        assertThat(plot.getAnnotations()).hasSize(16);
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols()).containsExactly(
                SampleFigures.CLASSES.toArray(String[]::new));
        // True classes read top to bottom, so the first class sits at the highest y.
        assertThat(((SymbolAxis) plot.getRangeAxis()).getSymbols()[3]).isEqualTo("Cardiomyocyte");
        assertThat(figure.data().rows()).hasSize(16);
    }

    @Test
    void rowPercentRowsSumToHundredAndColumnPercentColumnsSumToHundred() {
        XYZDataset rows = (XYZDataset) ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.ROW_PERCENT).chart().getXYPlot().getDataset();
        XYZDataset columns = (XYZDataset) ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.COLUMN_PERCENT).chart().getXYPlot().getDataset();
        double[] rowSums = new double[4];
        double[] columnSums = new double[4];
        for (int i = 0; i < 16; i++) {
            rowSums[(int) Math.round(rows.getYValue(0, i))] += rows.getZValue(0, i);
            columnSums[(int) Math.round(columns.getXValue(0, i))] += columns.getZValue(0, i);
        }
        for (int c = 0; c < 4; c++) {
            assertThat(rowSums[c]).isCloseTo(100, within(1e-9));
            assertThat(columnSums[c]).isCloseTo(100, within(1e-9));
        }
    }

    @Test
    void confusionCellTextIsPercentInPercentMode() {
        XYPlot plot = ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.ROW_PERCENT).chart().getXYPlot();
        assertThat(plot.getAnnotations()).map(a -> ((XYTextAnnotation) a).getText()).contains("91%", "73%");
    }

    @Test
    void confusionMatrixRejectsARaggedMatrix() {
        long[][] ragged = {{1, 2}, {3}};
        assertThatThrownBy(() -> ConfusionMatrixChart.build(ragged, List.of("a", "b"), ConfusionMode.COUNTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row has 1 cells");
    }

    @Test
    void rocLegendShowsAucAndCsvHasOneRowPerPoint() {
        Figure roc = ClassifierCurvesChart.roc(SampleFigures.rocCurves());
        LegendItemCollection legend = roc.chart().getXYPlot().getLegendItems();

        assertThat(legend.getItemCount()).isEqualTo(6);
        assertThat(legend.get(0).getLabel()).isEqualTo("Cardiomyocyte (AUC 0.86)");
        assertThat(legend.get(4).getLabel()).isEqualTo("macro average (AUC 0.78)");
        assertThat(roc.data().rows()).hasSize(6 * 41);
    }

    @Test
    void precisionRecallLegendShowsAveragePrecision() {
        Figure pr = ClassifierCurvesChart.precisionRecall(SampleFigures.prCurves());
        assertThat(pr.chart().getXYPlot().getLegendItems().get(1).getLabel()).startsWith("Epicardium (AP 0.");
        assertThat(pr.chart().getXYPlot().getDomainAxis().getLabel()).isEqualTo("Recall");
    }

    @Test
    void reliabilitySkipsEmptyBinsInThePlotButKeepsThemInTheCsv() {
        Figure figure = CalibrationCharts.reliability(new double[] {0, 0.5, 0.9}, new double[] {0, 0.45, 0.85},
                new long[] {0, 4, 10});
        assertThat(figure.chart().getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(2);
        assertThat(figure.data().rows()).hasSize(3);
    }

    @Test
    void confidenceHistogramCountsEveryPrediction() {
        Figure figure = CalibrationCharts.confidenceHistogram(new double[] {0.9, 0.95, 0.99, 0.6},
                new double[] {0.4, 0.55}, 10);
        double total = figure.data().rows().stream().mapToDouble(r -> Double.parseDouble(r.get(3))).sum();
        assertThat(total).isEqualTo(6);
    }

    @Test
    void earlyPredictionWithoutBandLeavesCiColumnsEmpty() {
        Figure figure = CalibrationCharts.earlyPrediction(new int[] {1, 2, 3}, new double[] {0.4, 0.6, 0.8},
                null, null);
        assertThat(figure.data().rows()).containsExactly(List.of("1", "0.4", "", ""), List.of("2", "0.6", "", ""),
                List.of("3", "0.8", "", ""));
    }

    @Test
    void geneOverTimeHasOneSeriesPerTrajectory() {
        Figure figure = SampleFigures.otherFigures().get("gene");
        assertThat(figure.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(figure.data().rows()).hasSize(3 * 8);
        // The title names the gene, so the axis label stays short enough for the Data page at 1024 x 700.
        assertThat(figure.chart().getTitle().getText()).isEqualTo("TNNT2");
        assertThat(figure.chart().getXYPlot().getRangeAxis().getLabel()).isEqualTo("Expression (mean ± sd)");
    }

    @Test
    void longClassNamesAreAngledInsteadOfBrokenMidWord() {
        Map<String, long[]> splits = new LinkedHashMap<>();
        splits.put("train", new long[] {5, 7});
        Figure figure = DataCharts.classBalance(List.of("cardiac_fibroblast", "atrial_cm"), splits);
        var axis = figure.chart().getCategoryPlot().getDomainAxis();
        assertThat(axis.getMaximumCategoryLabelLines()).isEqualTo(1);
        assertThat(axis.getCategoryLabelPositions()).isEqualTo(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
    }

    @Test
    void confidenceHistogramBarsDoNotOverlapIntoAColourTheLegendLacks() {
        Figure figure = CalibrationCharts.confidenceHistogram(new double[] {0.9, 0.8}, new double[] {0.85}, 10);
        var renderer = figure.chart().getXYPlot().getRenderer();
        assertThat(renderer).isInstanceOf(org.jfree.chart.renderer.xy.ClusteredXYBarRenderer.class);
        for (int series = 0; series < 2; series++) {
            assertThat(((java.awt.Color) renderer.getSeriesPaint(series)).getAlpha()).isEqualTo(255);
        }
    }

    @Test
    void geneOverTimeDrawsPureColoursAndNoBandBelowZero() {
        TrajectoryStats low = new TrajectoryStats("a", new double[] {0, 1, 2}, new double[] {1, 2, 3},
                new double[] {5, 5, 5});
        TrajectoryStats same = new TrajectoryStats("b", new double[] {0, 1, 2}, new double[] {1, 2, 3},
                new double[] {1, 1, 1});
        Figure figure = DataCharts.geneOverTime("G", "day", List.of(low, same));
        var plot = figure.chart().getXYPlot();
        var bands = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset();
        assertThat(bands.getStartYValue(0, 0)).isEqualTo(0.0);
        assertThat(plot.getRenderer()).isNotInstanceOf(org.jfree.chart.renderer.xy.DeviationRenderer.class);
        assertThat(plot.getRenderer().getSeriesShape(0)).isNotEqualTo(plot.getRenderer().getSeriesShape(1));
        // Identical means must not sit exactly on top of each other.
        assertThat(bands.getXValue(0, 1)).isNotEqualTo(bands.getXValue(1, 1));
        assertThat(Double.parseDouble(figure.data().rows().get(1).get(1))).isEqualTo(1.0);
        assertThat(plot.getLegendItems().getItemCount()).isEqualTo(2);
    }

    @Test
    void sequenceHeatmapPutsTheFirstGeneAtTheTop() {
        double[][] values = {{1, 2, 3}, {4, 5, 6}};
        Figure figure = DataCharts.sequenceHeatmap("s", values, List.of("A", "B"), List.of("d0", "d1", "d2"));
        XYZDataset cells = (XYZDataset) figure.chart().getXYPlot().getDataset();
        assertThat(cells.getYValue(0, 0)).isEqualTo(1.0);
        assertThat(cells.getZValue(0, 0)).isEqualTo(1.0);
        assertThat(figure.data().rows()).hasSize(6);
    }

    @Test
    void classBalanceHasOneBarPerSplitAndClass() {
        Map<String, long[]> splits = new LinkedHashMap<>();
        splits.put("train", new long[] {5, 7});
        splits.put("test", new long[] {1, 2});
        Figure figure = DataCharts.classBalance(List.of("a", "b"), splits);
        CategoryPlot plot = figure.chart().getCategoryPlot();
        assertThat(plot.getDataset().getValue("test", "b").doubleValue()).isEqualTo(2.0);
        assertThat(figure.data().rows()).hasSize(4);
    }

    @Test
    void runOverlayKeepsRunsWithTheSameNameApart() {
        RunCurve run = new RunCurve("baseline", new double[] {1, 2}, new double[] {0.5, 0.6});
        Figure figure = SweepCharts.runOverlay("Validation accuracy", List.of(run, run));
        assertThat(figure.chart().getXYPlot().getLegendItems().get(1).getLabel()).isEqualTo("baseline (2)");
        assertThat(figure.data().rows()).hasSize(4);
    }

    @Test
    void identicalRunsInAnOverlayDifferInColourDashAndMarker() {
        RunCurve run = new RunCurve("quick", new double[] {1, 2, 3}, new double[] {0.80, 0.805, 0.81});
        Figure figure = SweepCharts.runOverlay("Validation accuracy", List.of(run, run, run), true);
        XYPlot plot = figure.chart().getXYPlot();
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
                (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer();
        java.util.Set<Object> paints = new java.util.HashSet<>();
        java.util.Set<String> dashes = new java.util.HashSet<>();
        java.util.Set<Object> markers = new java.util.HashSet<>();
        for (int r = 0; r < 3; r++) {
            paints.add(renderer.getSeriesPaint(r));
            dashes.add(java.util.Arrays.toString(((java.awt.BasicStroke) renderer.getSeriesStroke(r)).getDashArray()));
            markers.add(renderer.getSeriesShape(r));
            assertThat(renderer.getItemShapeVisible(r, 0)).isTrue();
        }
        assertThat(paints).hasSize(3);
        assertThat(dashes).hasSize(3);
        assertThat(markers).hasSize(3);
        assertThat(plot.getLegendItems().getItemCount()).isEqualTo(3);
    }

    @Test
    void anAccuracyOverlayDoesNotBlowUpAOnePercentDifference() {
        RunCurve a = new RunCurve("a", new double[] {1, 2}, new double[] {0.80, 0.81});
        RunCurve b = new RunCurve("b", new double[] {1, 2}, new double[] {0.805, 0.80});
        org.jfree.data.Range range = SweepCharts.runOverlay("Validation accuracy", List.of(a, b), true).chart()
                .getXYPlot().getRangeAxis().getRange();
        assertThat(range.getLength()).isGreaterThanOrEqualTo(SweepCharts.MIN_FRACTION_SPAN);
        assertThat(range.contains(0.80) && range.contains(0.81)).isTrue();
        RunCurve high = new RunCurve("high", new double[] {1, 2}, new double[] {0.99, 1.0});
        org.jfree.data.Range top = SweepCharts.runOverlay("Validation accuracy", List.of(high), true).chart()
                .getXYPlot().getRangeAxis().getRange();
        assertThat(top.getUpperBound()).as("never far above 1").isLessThan(1.01);
        assertThat(top.getLowerBound()).isLessThanOrEqualTo(1.0 - SweepCharts.MIN_FRACTION_SPAN);
    }

    @Test
    void aLossOverlayOfEqualValuesIsNotZoomedToAMillionth() {
        RunCurve single = new RunCurve("one epoch", new double[] {1}, new double[] {0.9308096});
        org.jfree.data.Range range = SweepCharts.runOverlay("Validation loss", List.of(single)).chart().getXYPlot()
                .getRangeAxis().getRange();
        assertThat(range.getLength()).isGreaterThanOrEqualTo(0.09);
        assertThat(range.contains(0.9308096)).isTrue();
    }

    @Test
    void parallelCoordinatesScaleEachAxisToItsRange() {
        Figure figure = SweepCharts.parallelCoordinates(List.of("lr", "acc"),
                List.of(new double[] {1e-4, 0.5}, new double[] {1e-2, 0.9}));
        XYPlot plot = figure.chart().getXYPlot();
        assertThat(plot.getDataset().getYValue(0, 0)).isEqualTo(0.0);
        assertThat(plot.getDataset().getYValue(1, 1)).isEqualTo(1.0);
        assertThat(plot.getAnnotations()).map(a -> ((XYTextAnnotation) a).getText()).contains("1E-4", "0.9");
    }

    @Test
    void compactNumbersAreShortAndLocaleIndependent() {
        assertThat(SweepCharts.compact(0.0001)).isEqualTo("1E-4");
        assertThat(SweepCharts.compact(256)).isEqualTo("256");
        assertThat(SweepCharts.compact(0.8600001)).isEqualTo("0.86");
    }
}
