package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** attribute and embed on a tiny run trained from the bundled sample data. */
class AttributeEmbedCommandTest {

    private static final String SAMPLE = Path.of("sample-data", "cardiac-differentiation.csv.gz").toString();

    @TempDir
    Path workspace;

    @Test
    void attributeWritesTablesAndFiguresAndEmbedWritesNpyThatReadsBack() throws Exception {
        CliRun trained = CliRun.of("train", SAMPLE, "--preset", "quick", "--set", "epochs=1", "--set", "hiddenUnits=4",
                "--workspace", workspace.toString(), "--name", "tiny", "--top-genes", "200");
        assertThat(trained.code()).as(trained.err()).isZero();
        Path run;
        try (var runs = Files.list(workspace.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }

        Path out = workspace.resolve("attributions");
        CliRun attributed = CliRun.of("attribute", "--run", run.toString(), "--out", out.toString(), "--steps", "4",
                "--top", "5");
        assertThat(attributed.code()).as(attributed.err()).isZero();
        assertThat(attributed.out()).contains("attributed the probability of").contains("by integrated-gradients")
                .contains("from the time-matched baseline").contains("ventricular_cm");
        List<String> top = Files.readAllLines(out.resolve("top-genes.csv"));
        assertThat(top.get(0)).isEqualTo("class,rank,gene,mean_attribution,mean_absolute_attribution,sequences,"
                + "ranking,raised_expression_attribution,lowered_expression_attribution");
        // Per class, the top 5 by all evidence, the top 5 markers (raised expression), then the top 5 low-level
        // genes (lowered expression).
        assertThat(top).hasSize(1 + 4 * 3 * 5);
        assertThat(top.get(1)).startsWith("atrial_cm,1,").contains(",all,");
        assertThat(top.get(6)).startsWith("atrial_cm,1,").contains(",raised,");
        assertThat(top.get(11)).startsWith("atrial_cm,1,").contains(",lowered,");
        for (String line : top.subList(1, top.size())) {
            String[] cells = line.split(",");
            assertThat(Double.parseDouble(cells[7]) + Double.parseDouble(cells[8]))
                    .as("raised + lowered = mean attribution in %s", line)
                    .isCloseTo(Double.parseDouble(cells[3]), within(1e-5));
        }
        var settings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("attribution-settings.json").toFile());
        assertThat(settings.get("method").asText()).isEqualTo("integrated-gradients");
        assertThat(settings.get("steps").asInt()).isEqualTo(4);
        assertThat(settings.get("output").asText()).isEqualTo("probability");
        assertThat(settings.get("baseline").asText()).isEqualTo("time-matched");
        assertThat(settings.get("baseline_fallback_reason").isNull()).isTrue();
        List<String> perClass = Files.readAllLines(out.resolve("attribution-atrial_cm.csv"));
        assertThat(perClass).hasSize(1 + 200);
        assertThat(perClass.get(0)).startsWith("gene,rank,t1,t2");
        for (String ext : List.of("pdf", "svg", "png", "csv")) {
            assertThat(out.resolve("top-genes-epicardial." + ext)).isNotEmptyFile();
            assertThat(out.resolve("top-genes-over-time-epicardial." + ext)).isNotEmptyFile();
            assertThat(out.resolve("markers-epicardial." + ext)).isNotEmptyFile();
            assertThat(out.resolve("markers-over-time-epicardial." + ext)).isNotEmptyFile();
            assertThat(out.resolve("lowered-genes-epicardial." + ext)).isNotEmptyFile();
            assertThat(out.resolve("lowered-genes-over-time-epicardial." + ext)).isNotEmptyFile();
        }

        CliRun again = CliRun.of("attribute", "--run", run.toString(), "--out", out.toString(), "--method",
                "gradient-input");
        assertThat(again.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(again.err()).contains("top-genes.csv").contains("already exists");
        CliRun badMethod = CliRun.of("attribute", "--run", run.toString(), "--out", out.toString(), "--method", "x");
        assertThat(badMethod.err()).contains("--method must be");
        CliRun badOutput = CliRun.of("attribute", "--run", run.toString(), "--out", out.toString(), "--output", "x");
        assertThat(badOutput.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(badOutput.err()).contains("--output must be probability, log-probability or logit");
        Path logProbabilities = workspace.resolve("log-probabilities");
        CliRun logProbability = CliRun.of("attribute", "--run", run.toString(), "--out", logProbabilities.toString(),
                "--method", "gradient-input", "--output", "log-probability", "--top", "5", "--baseline",
                "training-mean");
        assertThat(logProbability.code()).as(logProbability.err()).isZero();
        assertThat(logProbability.out()).contains("attributed the log-probability of")
                .contains("from the training-mean baseline");
        assertThat(Files.readAllLines(logProbabilities.resolve("top-genes.csv"))).hasSize(1 + 4 * 3 * 5)
                .isNotEqualTo(top);

        Path single = workspace.resolve("one-sequence");
        CliRun oneSequence = CliRun.of("attribute", "--run", run.toString(), "--out", single.toString(), "--steps",
                "4", "--top", "5", "--sequence", "3");
        assertThat(oneSequence.code()).as(oneSequence.err()).isZero();
        for (String ext : List.of("pdf", "svg", "png", "csv")) {
            assertThat(single.resolve("sequence-3." + ext)).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(single.resolve("sequence-3.csv"))).hasSize(1 + 5 * 10);
        CliRun outOfRange = CliRun.of("attribute", "--run", run.toString(), "--out", workspace.resolve("x").toString(),
                "--sequence", "100000");
        assertThat(outOfRange.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(outOfRange.err()).contains("--sequence 100000").contains("sequences 1 to");

        Path atrialOnly = atrialSamplesOnly();
        CliRun oneClass = CliRun.of("attribute", "--run", run.toString(), atrialOnly.toString(), "--out",
                workspace.resolve("atrial").toString(), "--steps", "4", "--top", "5");
        assertThat(oneClass.code()).as(oneClass.err()).isZero();
        assertThat(oneClass.err()).as("with one class there is nothing to compare with at the same time")
                .contains("note: attributing from the training mean, since the sequences hold one class only");
        assertThat(oneClass.out()).contains("from the training-mean baseline");
        assertThat(Files.readString(workspace.resolve("atrial").resolve("attribution-settings.json")))
                .as("the tables say how they were made without the terminal")
                .contains("\"baseline\" : \"training-mean\"").contains("the sequences hold one class only");
        CliRun askedTimeMatched = CliRun.of("attribute", "--run", run.toString(), atrialOnly.toString(), "--out",
                workspace.resolve("atrial-asked").toString(), "--baseline", "time-matched");
        assertThat(askedTimeMatched.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(askedTimeMatched.err()).contains("time-matched baseline cannot be used").contains("one class");
        assertThat(workspace.resolve("atrial-asked")).doesNotExist();

        Path npy = workspace.resolve("embeddings.npy");
        CliRun embedded = CliRun.of("embed", "--run", run.toString(), SAMPLE, "--out", npy.toString());
        assertThat(embedded.code()).as(embedded.err()).isZero();
        INDArray pooled = Nd4j.createFromNpyFile(npy.toFile());
        List<String> rows = Files.readAllLines(workspace.resolve("embeddings.rows.csv"));
        assertThat(pooled.shape()).containsExactly(rows.size() - 1, 8);
        assertThat(rows.get(0)).isEqualTo("row,group,class,first_sample,last_sample");
        assertThat(rows.get(1)).matches("0,[a-z_]+/donor\\d,[a-z_]+,S\\d{4},S\\d{4}");
        assertThat(pooled.norm2Number().doubleValue()).isGreaterThan(0);

        Path csv = workspace.resolve("embeddings.csv");
        CliRun asCsv = CliRun.of("embed", "--run", run.toString(), SAMPLE, "--out", csv.toString());
        assertThat(asCsv.code()).as(asCsv.err()).isZero();
        List<String> csvRows = Files.readAllLines(csv);
        assertThat(csvRows.get(0)).endsWith("e1,e2,e3,e4,e5,e6,e7,e8");
        assertThat(Double.parseDouble(csvRows.get(1).split(",")[5])).isCloseTo(pooled.getDouble(0, 0),
                org.assertj.core.data.Offset.offset(1e-4));

        Path map = workspace.resolve("map.csv");
        CliRun tsne = CliRun.of("embed", "--run", run.toString(), SAMPLE, "--out", map.toString(), "--map", "tsne");
        assertThat(tsne.code()).as(tsne.err()).isZero();
        List<String> mapRows = Files.readAllLines(map);
        assertThat(mapRows).hasSize(rows.size());
        assertThat(mapRows.get(0)).endsWith("last_sample,e1,e2");
        assertThat(tsne.err()).contains("t-SNE: iteration 1000 of 1000");
        CliRun mapPerStep = CliRun.of("embed", "--run", run.toString(), SAMPLE, "--out",
                workspace.resolve("m.csv").toString(), "--map", "pca", "--per-step");
        assertThat(mapPerStep.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(mapPerStep.err()).contains("--per-step");

        Path steps = workspace.resolve("steps.npy");
        CliRun perStep = CliRun.of("embed", "--run", run.toString(), SAMPLE, "--out", steps.toString(), "--per-step");
        assertThat(perStep.code()).as(perStep.err()).isZero();
        assertThat(Nd4j.createFromNpyFile(steps.toFile()).shape()).containsExactly(rows.size() - 1, 10, 8);
    }

    /** The sample data's atrial_cm samples alone, as a lab might send one lineage's new samples. */
    private Path atrialSamplesOnly() throws Exception {
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of(SAMPLE)))) {
            lines = List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n"));
        }
        List<String> atrial = new java.util.ArrayList<>(List.of(lines.get(0)));
        lines.stream().filter(line -> line.split(",", 4)[2].equals("atrial_cm")).forEach(atrial::add);
        assertThat(atrial).hasSizeGreaterThan(100);
        return Files.write(workspace.resolve("atrial.csv"), atrial);
    }
}
