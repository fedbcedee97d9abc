package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuggestedFileNameTest {

    @Test
    void titlesBecomePlainLowerCaseNamesWithoutBracketsOrTrailingUnderscores() {
        assertThat(FigureExporter.suggestedFileName("ROC curves (one vs rest)", ExportFormat.PDF))
                .isEqualTo("roc-curves-one-vs-rest.pdf");
        assertThat(FigureExporter.suggestedFileName("Confusion matrix (rows: true class)", ExportFormat.SVG))
                .isEqualTo("confusion-matrix-rows-true-class.svg");
        assertThat(FigureExporter.suggestedFileName("  ", ExportFormat.PNG)).isEqualTo("figure.png");
        assertThat(FigureExporter.suggestedFileName(null, ExportFormat.CSV)).isEqualTo("figure.csv");
    }
}
