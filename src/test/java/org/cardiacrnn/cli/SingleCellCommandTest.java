package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue's single-cell example, end to end on a small generated set: sample-data, inspect, train, evaluate. */
class SingleCellCommandTest {

    private static final String BRANCHES = "cardiomyocyte=IPSC,MES,CMES,CM;fibroblast=IPSC,MES,PROG,CF";

    @TempDir
    static Path dir;

    private static Path tenx;
    private static Path metadata;

    @BeforeAll
    static void generate() {
        CliRun written = CliRun.of("sample-data", "--single-cell", "--cells", "4000", "--genes", "400",
                "--nonzeros-per-cell", "150", "--out", dir.toString());
        assertThat(written.code()).as(written.err()).isZero();
        tenx = dir.resolve("filtered_feature_bc_matrix");
        metadata = dir.resolve("cell-metadata.tsv");
    }

    @Test
    void generatorIsDeterministicForASeed() throws Exception {
        Path again = dir.resolve("again");
        assertThat(CliRun.of("sample-data", "--single-cell", "--cells", "4000", "--genes", "400",
                "--nonzeros-per-cell", "150", "--out", again.toString()).code()).isZero();
        assertThat(Files.readAllBytes(again.resolve("cell-metadata.tsv"))).isEqualTo(Files.readAllBytes(metadata));
        assertThat(Files.readAllBytes(again.resolve("filtered_feature_bc_matrix/matrix.mtx.gz")))
                .isEqualTo(Files.readAllBytes(tenx.resolve("matrix.mtx.gz")));
    }

    @Test
    void inspectAggregatesAndSaysHowTheDayColumnWasRead() {
        CliRun inspected = CliRun.of("inspect", tenx.toString(), "--metadata", metadata.toString(), "--pseudobulk",
                "individual,diffday", "--branch-column", "type", "--branches", BRANCHES, "--replicates", "2",
                "--min-cells", "5");
        assertThat(inspected.code()).as(inspected.err()).isZero();
        assertThat(inspected.out())
                .contains("samples:      532 (first: L01|day0|cardiomyocyte|r1")
                .contains("diffday: text parsed as days (day0 -> 0 ... day15 -> 15)")
                .contains("4,000 cells summed into 532 samples by individual, diffday × branch × 2 pseudo-replicates")
                .containsPattern("cell\\(s\\) in states no branch lists were left out: \\{UNK=\\d+}");
    }

    @Test
    void theIssuesTrainExampleWritesARunThatEvaluateReloadsTheSameWay() throws Exception {
        Path workspace = dir.resolve("workspace");
        CliRun trained = CliRun.of("train", tenx.toString(), "--metadata", metadata.toString(),
                "--pseudobulk", "individual,diffday", "--branch-column", "type", "--branches", BRANCHES,
                "--replicates", "4", "--time-column", "diffday", "--label-column", "branch", "--group-column",
                "individual", "--builder", "time-course", "--preset", "quick", "--set", "epochs=3", "--set",
                "hiddenUnits=8", "--top-genes", "100", "--workspace", workspace.toString(), "--name", "sc");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("test: accuracy").contains("No sample is shared")
                .as("each of a line's 4 pseudo-replicates is its own time course")
                .contains("960 samples × 400 genes → 104 training, 24 validation, 24 test sequences")
                .contains("group \"fibroblast/L03\" lacks 3 of 7 time points in each of 4 replicates");
        Path run;
        try (var runs = Files.list(workspace.resolve("runs"))) {
            run = runs.filter(p -> p.getFileName().toString().endsWith("sc")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(run.resolve("config.json"))).contains("\"singleCell\"")
                .contains("\"branchColumn\" : \"type\"").contains("\"replicates\" : 4");
        String accuracy = trained.out().replaceAll("(?s).*test: accuracy ([0-9.]+)%.*", "$1");
        CliRun evaluated = CliRun.of("evaluate", "--run", run.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("accuracy " + accuracy + "%").contains("cardiomyocyte")
                .contains("fibroblast");
    }

    @Test
    void aGroupColumnThatDoesNotExistIsOneLineListingTheColumns() {
        CliRun failed = CliRun.of("inspect", tenx.toString(), "--metadata", metadata.toString(), "--pseudobulk",
                "donor");
        assertThat(failed.code()).isEqualTo(2);
        assertThat(failed.err().strip()).doesNotContain("\n").startsWith("error: ")
                .contains("\"donor\" that does not exist").contains("individual, diffday, type, dpt_pseudotime");
    }

    @Test
    void varNamesTakesGeneNamesFromTheNamedColumnOrListsTheColumns() throws Exception {
        String file = Path.of(SingleCellCommandTest.class.getResource(
                "/org/cardiacrnn/data/single-cell/anndata/var-columns.h5ad").toURI()).toString();
        CliRun inspected = CliRun.of("inspect", file, "--var-names", "gene_ids");
        assertThat(inspected.code()).as(inspected.err()).isZero();
        assertThat(inspected.out()).contains("genes:        6 (first: ENSG00000, ENSG00001");
        CliRun failed = CliRun.of("inspect", file, "--var-names", "symbol");
        assertThat(failed.code()).isEqualTo(2);
        assertThat(failed.err().strip()).isEqualTo("error: var-columns.h5ad: var has no column \"symbol\" to take "
                + "gene names from; its columns are _index, gene_ids, feature_name, n_cells");
    }

    @Test
    void branchesWithoutABranchColumnAreRefusedByName() {
        CliRun failed = CliRun.of("inspect", tenx.toString(), "--pseudobulk", "individual", "--branches", BRANCHES);
        assertThat(failed.code()).isEqualTo(2);
        assertThat(failed.err()).contains("--branches needs --branch-column");
    }
}
