package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class FigureStyleTest {

    @Test
    void darkScreenStyleChangesBackgroundAndTextAndPrintRestoresLight() {
        JFreeChart chart = ClassifierCurvesChart.roc(SampleFigures.rocCurves()).chart();

        FigureStyle.screen(true).apply(chart);
        assertThat(chart.getBackgroundPaint()).isEqualTo(new Color(0x1E1E1E));
        assertThat(chart.getXYPlot().getDomainAxis().getLabelPaint()).isEqualTo(new Color(0xE0E0E0));

        FigureStyle.print().apply(chart);
        assertThat(chart.getBackgroundPaint()).isEqualTo(Color.WHITE);
        assertThat(chart.getXYPlot().getDomainAxis().getLabelFont().getSize2D()).isEqualTo(8f);
        assertThat(chart.getXYPlot().getDomainAxis().getTickLabelFont().getSize2D()).isEqualTo(7f);
    }

    @Test
    void plotTextFollowsTheThemeWhileCellLabelsKeepTheirContrastColour() {
        JFreeChart chart = SweepCharts.parallelCoordinates(List.of("dropout", "accuracy"),
                List.of(new double[] {0.1, 0.6}, new double[] {0.5, 0.8})).chart();
        org.jfree.chart.annotations.XYTextAnnotation cell = new org.jfree.chart.annotations.XYTextAnnotation("7",
                0, 0);
        cell.setPaint(java.awt.Color.WHITE);
        chart.getXYPlot().addAnnotation(cell);

        FigureStyle.screen(true).apply(chart);

        var annotations = chart.getXYPlot().getAnnotations();
        assertThat(annotations).filteredOn(PlotTextAnnotation.class::isInstance).isNotEmpty()
                .allSatisfy(a -> assertThat(((PlotTextAnnotation) a).getPaint())
                        .isNotEqualTo(java.awt.Color.BLACK));
        assertThat(cell.getPaint()).isEqualTo(java.awt.Color.WHITE);
    }

    @Test
    void fontFamilyExistsSoTextIsNotSubstitutedSilently() {
        Font font = FigureStyle.print().font(Font.PLAIN, 8f);
        assertThat(List.of("DejaVu Sans", Font.SANS_SERIF)).contains(font.getFamily());
    }

    @Test
    void anInstalledFamilyIsKeptAndAMissingOneFallsBackToSansSerif() {
        String installed = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(java.util.Locale.ROOT)[0];

        assertThat(FigureStyle.installedOrSansSerif(installed)).isEqualTo(installed);
        assertThat(FigureStyle.installedOrSansSerif("No Such Family 7f3a")).isEqualTo(Font.SANS_SERIF);
    }

    @Test
    void paletteIsOkabeItoWithoutRepeats() {
        assertThat(FigureStyle.PALETTE).hasSize(8).doesNotHaveDuplicates().contains(new Color(0xE69F00));
        assertThat(FigureStyle.seriesColor(8)).isEqualTo(FigureStyle.seriesColor(0));
    }

    @Test
    void everyChartHasAxisLabels() {
        for (Figure figure : SampleFigures.otherFigures().values()) {
            if (figure.chart().getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
                assertThat(xy.getRangeAxis().getLabel()).as(figure.chart().getTitle().getText()).isNotBlank();
            }
        }
    }

    @Test
    void figureSizeConvertsMillimetresToPixelsAndPoints() {
        assertThat(FigureSize.SINGLE_COLUMN.widthPx(300)).isEqualTo(1004);
        assertThat(FigureSize.DOUBLE_COLUMN.widthPx(150)).isEqualTo(1063);
        assertThat(new FigureSize(25.4, 25.4).widthPt()).isEqualTo(72.0);
        assertThatThrownBy(() -> new FigureSize(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void figureDataRejectsRowsOfTheWrongLength() {
        assertThatThrownBy(() -> FigureData.builder("a", "b").row(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells but there are 2");
        assertThat(FigureData.builder("a", "b").row("x", 2.5).build().rows()).containsExactly(List.of("x", "2.5"));
    }
}
