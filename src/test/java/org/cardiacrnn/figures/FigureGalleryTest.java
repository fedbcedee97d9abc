package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Renders every chart builder at single-column width into target/figure-gallery so a person can look at them,
 * and checks each one drew (not a blank page).
 */
class FigureGalleryTest {

    @Test
    void everyBuilderRendersANonBlankSingleColumnPng() throws Exception {
        Map<String, Figure> figures = new LinkedHashMap<>();
        LiveCurves curves = SampleFigures.trainingCurves(30, 20);
        figures.put("loss", curves.lossFigure());
        figures.put("accuracy", curves.accuracyFigure());
        figures.put("learning-rate", curves.learningRateFigure());
        figures.put("roc", ClassifierCurvesChart.roc(SampleFigures.rocCurves()));
        figures.put("pr", ClassifierCurvesChart.precisionRecall(SampleFigures.prCurves()));
        figures.put("confusion-counts", ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.COUNTS));
        figures.put("confusion-row", ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.ROW_PERCENT));
        figures.putAll(SampleFigures.otherFigures());
        Path dir = Path.of("target", "figure-gallery");

        new FigureExporter().exportAll(figures, dir, FigureSize.SINGLE_COLUMN, 300, Set.of(ExportFormat.PNG));

        for (String name : figures.keySet()) {
            BufferedImage image = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertThat(image.getWidth()).as(name).isEqualTo(1004);
            assertThat(distinctColours(image)).as(name + " draws more than a background").isGreaterThan(10);
        }
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
