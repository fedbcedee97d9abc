package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.LoadRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataViewModelTest {

    @TempDir
    Path folder;

    private WorkbenchSession session;
    private DataViewModel viewModel;

    @BeforeEach
    void setUp() {
        session = new WorkbenchSession();
        viewModel = new DataViewModel(session, new CurrentThreadTaskExecutor(), RecentFiles.inMemory(),
                folder.resolve("samples"));
    }

    private Path writeMatrix(String name) throws IOException {
        StringBuilder csv = new StringBuilder("sample_id,donor,trajectory,day,NKX2-5,TNNT2,GENE0001\n");
        String[] lineages = {"atrial", "ventricular"};
        int id = 0;
        for (String lineage : lineages) {
            for (int day : new int[] {0, 5, 10}) {
                for (int donor = 1; donor <= 2; donor++) {
                    id++;
                    csv.append("S").append(id).append(",d").append(donor).append(',').append(lineage).append(',')
                            .append(day).append(',').append(day).append(',').append(day * 2 + donor).append(",0\n");
                }
            }
        }
        Path file = folder.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void openingAMatrixFillsSessionSummaryRolesAndRecentFiles() throws IOException {
        Path file = writeMatrix("counts.csv");
        viewModel.open(LoadRequest.of(file));

        ExpressionData data = session.datasetProperty().get();
        assertThat(data).isNotNull();
        assertThat(data.matrix().sampleCount()).isEqualTo(12);
        assertThat(session.timeColumnProperty().get()).isEqualTo("day");
        assertThat(session.labelColumnProperty().get()).isEqualTo("trajectory");
        assertThat(session.groupColumnProperty().get()).isEqualTo("donor");
        assertThat(viewModel.summary()).extracting(DataViewModel.SummaryItem::value)
                .contains("12", "3", "2  (trajectory)", "3  (day)");
        assertThat(viewModel.recentFiles()).containsExactly(file.toString());
        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get()).isNull();
    }

    @Test
    void aLoadedDatasetIsShownInOneStepWithWhatThePageShowsAlreadyComputed() throws IOException {
        viewModel.open(LoadRequest.of(writeMatrix("before.csv")));
        viewModel.geneQueryProperty().set("TNN");
        int[] tables = {0};
        int[] trends = {0};
        int[] summaries = {0};
        int[] geneLists = {0};
        viewModel.tablePreviewProperty().addListener((obs, old, preview) -> tables[0]++);
        viewModel.geneTrendProperty().addListener((obs, old, trend) -> trends[0]++);
        viewModel.summary().addListener((javafx.collections.ListChangeListener<DataViewModel.SummaryItem>)
                change -> summaries[0]++);
        viewModel.matchingGenes().addListener((javafx.collections.ListChangeListener<String>)
                change -> geneLists[0]++);

        // Roles other than the guess: setting them one by one used to rebuild the trend and summary each time.
        viewModel.open(LoadRequest.of(writeMatrix("after.csv")), new ColumnRoles("day", "donor", "trajectory"));

        assertThat(tables[0]).as("table pages").isEqualTo(1);
        assertThat(trends[0]).as("trend charts").isEqualTo(1);
        assertThat(summaries[0]).as("summaries").isEqualTo(1);
        assertThat(geneLists[0]).as("gene lists").isEqualTo(1);
        assertThat(viewModel.geneTrendProperty().get().lines()).extracting(GeneTrend.Line::label)
                .as("the trend of the chosen roles").containsExactly("d1", "d2");
        assertThat(viewModel.summary()).extracting(DataViewModel.SummaryItem::value)
                .contains("2  (donor)", "3  (day)", "2  (trajectory)");
        assertThat(viewModel.matchingGenes()).as("the old search is cleared").hasSize(3);
        assertThat(viewModel.selectedGeneProperty().get()).isEqualTo("TNNT2");
    }

    @Test
    void rolesChosenWhileImportingWinOverTheGuessUnlessTheColumnDoesNotExist() throws IOException {
        viewModel.open(LoadRequest.of(writeMatrix("roles.csv")), new ColumnRoles("day", "donor", "nonexistent"));

        assertThat(session.timeColumnProperty().get()).isEqualTo("day");
        assertThat(session.labelColumnProperty().get()).isEqualTo("donor");
        assertThat(session.groupColumnProperty().get()).as("guessed").isEqualTo("donor");
    }

    @Test
    void geneSearchAndTrendFollowTheRoles() throws IOException {
        viewModel.open(LoadRequest.of(writeMatrix("counts.csv")));
        viewModel.geneQueryProperty().set("nkx");
        assertThat(viewModel.matchingGenes()).containsExactly("NKX2-5");

        viewModel.selectedGeneProperty().set("TNNT2");
        GeneTrend trend = viewModel.geneTrendProperty().get();
        assertThat(trend.lines()).extracting(GeneTrend.Line::label).containsExactly("atrial", "ventricular");
        GeneTrend.Line atrial = trend.lines().get(0);
        assertThat(atrial.times()).containsExactly(0, 5, 10);
        // Day 5: donors 1 and 2 have 11 and 12 → mean 11.5, sd 0.707.
        assertThat(atrial.means()[1]).isEqualTo(11.5);
        assertThat(atrial.standardDeviations()[1]).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-9));

        session.labelColumnProperty().set("donor");
        assertThat(viewModel.geneTrendProperty().get().lines()).extracting(GeneTrend.Line::label)
                .containsExactly("d1", "d2");
    }

    @Test
    void aBadFileReportsAnErrorAndKeepsThePreviousDataset() throws IOException {
        viewModel.open(LoadRequest.of(writeMatrix("good.csv")));
        ExpressionData before = session.datasetProperty().get();
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "sample_id,day,G1,G2\nS1,0,1,2\nS2,1,abc,3\n");

        viewModel.open(LoadRequest.of(bad));

        assertThat(viewModel.errorProperty().get()).isNotNull();
        assertThat(viewModel.errorProperty().get().message()).contains("bad.csv").contains("line 3");
        assertThat(session.datasetProperty().get()).isSameAs(before);
        assertThat(viewModel.recentFiles()).doesNotContain(bad.toString());
        viewModel.dismissError();
        assertThat(viewModel.errorProperty().get()).isNull();
    }

    @Test
    void genePagingStaysWithinTheMatrix() throws IOException {
        viewModel.open(LoadRequest.of(writeMatrix("counts.csv")));
        viewModel.nextGenes();
        assertThat(viewModel.geneOffsetProperty().get()).isZero();
        viewModel.previousGenes();
        assertThat(viewModel.geneOffsetProperty().get()).isZero();
    }

    @Test
    void switchingBetweenDatasetsKeepsEachOnesRolesAndClearsTheOldSearch() throws Exception {
        Path cardiac = writeMatrix("cardiac.csv");
        Path hours = folder.resolve("endoderm.csv");
        Files.writeString(hours, "sample_id,hours,pseudotime,SOX17,FOXA2\nE1,0,0.1,1,2\nE2,12,0.4,3,4\n"
                + "E3,24,0.9,5,6\n");
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        try {
            viewModel.open(LoadRequest.of(cardiac));
            viewModel.geneQueryProperty().set("TNNT");
            viewModel.open(LoadRequest.of(hours));
            assertThat(session.timeColumnProperty().get()).isEqualTo("hours");
            assertThat(viewModel.geneQueryProperty().get()).isEmpty();
            assertThat(viewModel.matchingGenes()).contains("SOX17", "FOXA2");

            viewModel.open(LoadRequest.of(cardiac));
            assertThat(session.timeColumnProperty().get()).isEqualTo("day");
            assertThat(session.labelColumnProperty().get()).isEqualTo("trajectory");
            assertThat(session.groupColumnProperty().get()).isEqualTo("donor");
            assertThat(viewModel.geneTrendProperty().get()).isNotNull();
            assertThat(viewModel.geneTrendProperty().get().lines()).isNotEmpty();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void headerlessAnnotationsOfTheEndodermDataGiveItsTimeColumn() {
        Path endoderm = Path.of("..", "shared", "data", "chu2016-endoderm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(endoderm.resolve("time.txt")),
                "the shared endoderm data is not here");
        LoadRequest request = LoadRequest.builder(endoderm.resolve("data.txt"))
                .geneNames(endoderm.resolve("tf.txt"))
                .annotations(endoderm.resolve("time.txt"), ImportViewModel.names("hours, pseudotime")).build();
        viewModel.open(request, new ColumnRoles("hours", null, null));
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(session.timeColumnProperty().get()).isEqualTo("hours");
        assertThat(session.datasetProperty().get().metadata().columnNames()).contains("hours", "pseudotime");
    }

    @Test
    void genePagingWalksPagesOfAMatrixWiderThanOnePage() throws IOException {
        // Sample id and three metadata columns leave the rest of a page's columns to genes.
        int page = TablePreview.COLUMNS_PER_PAGE - 4;
        int genes = 2 * page + 15;
        StringBuilder csv = new StringBuilder("sample_id,donor,trajectory,day");
        for (int g = 0; g < genes; g++) {
            csv.append(",G").append(g);
        }
        csv.append('\n');
        for (int sample = 0; sample < 6; sample++) {
            csv.append('S').append(sample).append(",d").append(sample % 2).append(",atrial,").append(sample);
            for (int g = 0; g < genes; g++) {
                csv.append(',').append(sample + g);
            }
            csv.append('\n');
        }
        Path file = folder.resolve("wide.csv");
        Files.writeString(file, csv);
        viewModel.open(LoadRequest.of(file));

        TablePreview first = viewModel.tablePreviewProperty().get();
        assertThat(first.rowCount()).isEqualTo(6);
        assertThat(first.columns()).extracting(TablePreview.Column::header).startsWith("Sample", "donor",
                "trajectory", "day", "G0").endsWith("G" + (page - 1)).hasSize(4 + page);
        assertThat(first.columns().get(4).cell().apply(3)).isEqualTo("3");
        assertThat(first.columns().get(1).cell().apply(3)).isEqualTo("d1");
        viewModel.nextGenes();
        assertThat(viewModel.geneOffsetProperty().get()).isEqualTo(page);
        viewModel.nextGenes();
        assertThat(viewModel.geneOffsetProperty().get()).isEqualTo(2 * page);
        viewModel.nextGenes();
        assertThat(viewModel.geneOffsetProperty().get()).as("the last page holds the last genes").isEqualTo(2 * page);
        TablePreview last = viewModel.tablePreviewProperty().get();
        assertThat(last.columns()).filteredOn(column -> column.kind() == TablePreview.Kind.GENE)
                .extracting(TablePreview.Column::header).hasSize(15).first().isEqualTo("G" + 2 * page);
        assertThat(last.pageText()).contains(Integer.toString(2 * page + 1)).contains(Integer.toString(genes));
        viewModel.previousGenes();
        viewModel.previousGenes();
        viewModel.previousGenes();
        assertThat(viewModel.geneOffsetProperty().get()).isZero();
    }

    @Test
    void theTablePreviewWritesValuesAsTheTableShowsThemAndIsEmptyWithoutData() {
        assertThat(viewModel.tablePreviewProperty().get()).isEqualTo(TablePreview.EMPTY);
        assertThat(TablePreview.formatValue(Float.NaN)).isEqualTo("NA");
        assertThat(TablePreview.formatValue(12f)).isEqualTo("12");
        assertThat(TablePreview.formatValue(0.123456f)).isEqualTo("0.1235");
        assertThat(TablePreview.formatValue(3e8f)).isEqualTo("3.000e+08");
    }
}
