package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predicting the fate of samples whose fate is not known yet: the bundled data with the class column removed. */
class PredictUnlabelledTest {

    private static final Path SAMPLE = Path.of("sample-data", "cardiac-differentiation.csv.gz");

    @TempDir
    Path workspace;

    @Test
    void predictionsWithoutLabelsMatchEvaluationOnTheSameSequences() throws Exception {
        CliRun trained = CliRun.of("train", SAMPLE.toString(), "--preset", "quick", "--set", "epochs=1", "--set",
                "hiddenUnits=4", "--set", "denseUnits=4", "--top-genes", "200", "--workspace", workspace.toString(),
                "--name", "blind");
        assertThat(trained.code()).as(trained.err()).isZero();
        Path run;
        try (var runs = Files.list(workspace.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        // Each donor's four lineages were four separate cultures; without the class, an opaque culture id is all
        // that tells them apart, as it would be for new lines whose fate is unknown.
        Path blind = workspace.resolve("blind.csv");
        Map<String, String> cultureOf = writeWithoutClass(blind);

        Path out = workspace.resolve("predictions.csv");
        CliRun predicted = CliRun.of("predict", "--run", run.toString(), blind.toString(), "--group-column", "culture",
                "--out", out.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out()).contains("(no labels in the data)");
        assertThat(predicted.err()).contains("no \"trajectory\" column");
        List<String> lines = Files.readAllLines(out);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).doesNotContain("true_class").contains("predicted_class", "first_time", "last_time",
                "samples", "genes_partly_missing");

        SavedRun saved = SavedRun.open(run);
        ExpressionData labelled = ExpressionLoader.load(LoadRequest.of(SAMPLE));
        NewDataSequences sequences = saved.sequences(labelled);
        SequenceDataset dataset = sequences.dataset();
        float[][] evaluated = saved.model().predictProbabilities(dataset);
        Map<String, Integer> byWindow = new HashMap<>();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            int[] rows = dataset.sourceRows(i);
            byWindow.put(labelled.matrix().sampleIds().get(rows[0]) + ".."
                    + labelled.matrix().sampleIds().get(rows[rows.length - 1]), i);
        }
        assertThat(lines).hasSize(dataset.sequenceCount() + 1);
        int firstP = header.indexOf("p_" + dataset.classNames().get(0));
        Set<String> donors = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Integer i = byWindow.get(cells[header.indexOf("first_sample")] + ".."
                    + cells[header.indexOf("last_sample")]);
            assertThat(i).as("window %s..%s", cells[2], cells[3]).isNotNull();
            assertThat(cells[header.indexOf("group")]).isEqualTo(cultureOf.get(dataset.groupIds().get(i)));
            for (int c = 0; c < dataset.classCount(); c++) {
                assertThat(Double.parseDouble(cells[firstP + c])).isCloseTo(evaluated[i][c], within(1e-6));
            }
            assertThat(cells[header.indexOf("samples")]).isEqualTo("10");
            assertThat(cells[header.indexOf("genes_partly_missing")]).isEqualTo("false");
            donors.add(dataset.groupIds().get(i).replaceAll(".*/", ""));
        }
        assertThat(donors).containsExactlyInAnyOrder("donor1", "donor2", "donor3", "donor4");
    }

    /** The sample data with "trajectory" replaced by "culture"; returns culture id per trajectory/donor group. */
    private static Map<String, String> writeWithoutClass(Path target) throws Exception {
        Map<String, String> cultureOf = new HashMap<>();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SAMPLE)), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            int trajectory = List.of(header).indexOf("trajectory");
            int donor = List.of(header).indexOf("donor");
            header[trajectory] = "culture";
            out.add(String.join(",", header));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                String group = cells[trajectory] + "/" + cells[donor];
                cells[trajectory] = cultureOf.computeIfAbsent(group, g -> "culture" + (cultureOf.size() + 1));
                out.add(String.join(",", cells));
            }
        }
        Files.write(target, out);
        return cultureOf;
    }
}
