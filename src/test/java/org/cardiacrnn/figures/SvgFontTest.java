package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SVG readers outside Java know no "Dialog" font; ImageMagick drew such figures with no text at all. */
class SvgFontTest {

    private static final Pattern FAMILY = Pattern.compile("font-family(?:=\"|:)([^\";]+)");

    @TempDir
    Path dir;

    @Test
    void everyFontFamilyIsARealFamilyWithAGenericFallback() throws Exception {
        List<Figure> figures = List.of(
                ConfusionMatrixChart.build(new long[][] {{5, 1}, {2, 7}}, List.of("atrial", "ventricular"),
                        ConfusionMode.COUNTS),
                ClassifierCurvesChart.roc(SampleFigures.rocCurves()));
        for (Figure figure : figures) {
            Path file = dir.resolve("figure.svg");
            new FigureExporter().writeSvg(figure.chart(), FigureSize.SINGLE_COLUMN, file);
            String svg = Files.readString(file, StandardCharsets.UTF_8);
            List<String> families = new ArrayList<>();
            Matcher matcher = FAMILY.matcher(svg);
            while (matcher.find()) {
                families.add(matcher.group(1).strip());
            }
            assertThat(families).isNotEmpty();
            assertThat(families).allSatisfy(family -> {
                assertThat(family).doesNotContainIgnoringCase("dialog").endsWith("sans-serif");
                assertThat(family.split(",")[0].strip().replace("'", "")).isNotEqualTo("sans-serif");
            });
        }
    }
}
