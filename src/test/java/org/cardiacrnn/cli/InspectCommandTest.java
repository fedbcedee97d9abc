package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path sampleLayout() throws IOException {
        return Files.writeString(dir.resolve("counts.csv"), """
                sample_id,donor,trajectory,day,NKX2-5,TNNT2
                s1,d1,ventricular,0,1.5,0
                s2,d2,atrial,5,NA,4
                """);
    }

    @Test
    void textSummaryNamesShapeOrientationValuesAndMetadata() throws IOException {
        int code = run("inspect", sampleLayout().toString());
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("samples:      2 (first: s1, s2)")
                .contains("genes:        2 (first: NKX2-5, TNNT2)")
                .contains("orientation:  SAMPLES_BY_GENES (detected)")
                .contains("values:       0.0 to 4.0")
                .contains("missing:      1")
                .contains("zeros:        25.00%")
                .containsPattern("day +NUMERIC +2 distinct: 0, 5")
                .containsPattern("trajectory +CATEGORICAL +2 distinct: ventricular, atrial");
    }

    @Test
    void jsonParsesAndCarriesTheJoinReport() throws IOException {
        Path meta = Files.writeString(dir.resolve("meta.csv"), "sample_id,batch\ns1,b1\nother,b2\n");
        int code = run("inspect", sampleLayout().toString(), "--metadata", meta.toString(), "--json",
                "--orientation", "samples-by-genes");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("samples").asInt()).isEqualTo(2);
        assertThat(json.get("orientationDetected").asBoolean()).isFalse();
        assertThat(json.get("metadataColumns").findValuesAsText("name")).containsExactly("donor", "trajectory", "day",
                "batch");
        assertThat(json.get("join").get("matchedSamples").asInt()).isEqualTo(1);
        assertThat(json.get("join").get("samplesWithoutMetadata").get(0).asText()).isEqualTo("s2");
        assertThat(json.get("join").get("metadataRowsWithoutSample").get(0).asText()).isEqualTo("other");
    }

    @Test
    void headerlessMatrixWithNameAndAnnotationFiles() throws IOException {
        Path data = Files.writeString(dir.resolve("data.txt"), "0\t1\t2\n3\t0\t5\n");
        Path tf = Files.writeString(dir.resolve("tf.txt"), "GATA6\nSOX17\n");
        Path time = Files.writeString(dir.resolve("time.txt"), "0\t0.1\n12\t0.4\n24\t0.9\n");
        int code = run("inspect", data.toString(), "--gene-names", tf.toString(), "--annotations", time.toString(),
                "--annotation-names", "hours,pseudotime", "--json");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("samples").asInt()).isEqualTo(3);
        assertThat(json.get("orientation").asText()).isEqualTo("GENES_BY_SAMPLES");
        assertThat(json.get("metadataColumns").get(0).get("type").asText()).isEqualTo("NUMERIC");
    }

    @Test
    void tenxFolderAndH5adAreInspectedToo() throws IOException {
        Path tenx = Files.createDirectories(dir.resolve("tenx"));
        Files.writeString(tenx.resolve("matrix.mtx"),
                "%%MatrixMarket matrix coordinate integer general\n2 1 1\n2 1 9\n");
        Files.writeString(tenx.resolve("features.tsv"), "ENSG1\tGATA4\nENSG2\tTNNT2\n");
        Files.writeString(tenx.resolve("barcodes.tsv"), "AAAC-1\n");
        assertThat(run("inspect", tenx.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("format").asText()).contains("Matrix Market");
        assertThat(json.get("maxValue").asDouble()).isEqualTo(9.0);

        Path h5ad = dir.resolve("small.h5ad");
        try (io.jhdf.WritableHdfFile hdf = io.jhdf.HdfFile.write(h5ad)) {
            hdf.putDataset("X", new float[][] {{1, 0}, {3, 4}});
            hdf.putGroup("obs").putDataset("_index", new String[] {"c1", "c2"});
            hdf.putGroup("var").putDataset("_index", new String[] {"GATA4", "NKX2-5"});
        }
        out.getBuffer().setLength(0);
        assertThat(run("inspect", h5ad.toString())).isZero();
        assertThat(out.toString()).contains("format:       AnnData .h5ad (dense X)").contains("zeros:        25.00%");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "sample,A\ns1,oops\n");
        int code = run("inspect", bad.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: bad.csv, line 2, column 2: \"oops\" is not a number "
                + "(text in a numeric cell)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownOrientationIsRefused() throws IOException {
        int code = run("inspect", sampleLayout().toString(), "--orientation", "sideways");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--orientation must be");
    }

    @Test
    void benchLoadRunsOnASmallTable() {
        int code = run("bench", "load", "--samples", "50", "--genes", "20", "--repetitions", "1", "--json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"shape\" : \"50x20\"").contains("\"peakHeapMb\"");
    }
}
