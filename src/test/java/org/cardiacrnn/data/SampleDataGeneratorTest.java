package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    private static final Path COMMITTED = Path.of("sample-data", SampleDataGenerator.FILE_NAME);
    private static ExpressionData data;

    @BeforeAll
    static void load() {
        data = ExpressionLoader.load(LoadRequest.of(COMMITTED));
    }

    @Test
    void theCommandReproducesTheCommittedFileByteForByte(@TempDir Path folder) throws Exception {
        Path regenerated = SampleDataGenerator.write(folder, 42);
        assertThat(Files.readAllBytes(regenerated)).isEqualTo(Files.readAllBytes(COMMITTED));
    }

    @Test
    void anotherSeedGivesOtherCounts() throws Exception {
        ByteArrayOutputStream seed42 = new ByteArrayOutputStream();
        ByteArrayOutputStream seed7 = new ByteArrayOutputStream();
        SampleDataGenerator.write(seed42, 42);
        SampleDataGenerator.write(seed7, 7);
        assertThat(seed7.toByteArray()).isNotEqualTo(seed42.toByteArray());
    }

    @Test
    void hasTheShapeAndAnnotationsOfTheMethodology() {
        assertThat(data.matrix().sampleCount()).isEqualTo(800);
        assertThat(data.matrix().geneCount()).isEqualTo(2000);
        assertThat(data.metadata().column("trajectory").distinctValues())
                .containsExactlyElementsOf(SampleDataGenerator.TRAJECTORIES);
        assertThat(data.metadata().column("day").isNumeric()).isTrue();
        assertThat(data.metadata().column("day").distinctValues()).containsExactly("0", "2", "5", "8", "15");
        assertThat(data.metadata().column("donor").distinctValues()).hasSize(4);
        assertThat(data.matrix().geneNames()).contains("POU5F1", "NKX2-5", "TNNT2", "MYL2", "NPPA", "POSTN", "WT1");
    }

    @Test
    void lineagesAreAlikeAtDayZeroAndApartAtDayFifteen() {
        double ventricularDay15 = mean("MYL2", "ventricular_cm", 15);
        double atrialDay15 = mean("MYL2", "atrial_cm", 15);
        assertThat(ventricularDay15).isGreaterThan(8 * atrialDay15);
        assertThat(mean("WT1", "epicardial", 15)).isGreaterThan(8 * mean("WT1", "ventricular_cm", 15));

        double ventricularDay0 = mean("MYL2", "ventricular_cm", 0);
        double atrialDay0 = mean("MYL2", "atrial_cm", 0);
        assertThat(ventricularDay0 / atrialDay0).isBetween(0.6, 1.6);
        // Pluripotency is high at day 0 in every lineage and gone by day 15.
        assertThat(mean("POU5F1", "epicardial", 0)).isGreaterThan(10 * mean("POU5F1", "epicardial", 15));
    }

    private static double mean(String gene, String trajectory, int day) {
        int g = data.matrix().geneIndex(gene);
        List<String> trajectories = data.metadata().column("trajectory").values();
        double[] days = data.metadata().column("day").numbers();
        double sum = 0;
        int n = 0;
        for (int s = 0; s < data.matrix().sampleCount(); s++) {
            if (trajectories.get(s).equals(trajectory) && days[s] == day) {
                sum += data.matrix().get(s, g);
                n++;
            }
        }
        return sum / n;
    }
}
