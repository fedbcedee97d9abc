package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.data.SingleCellGenerator;
import org.cardiacrnn.data.SingleCellOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregation choices without a window: when to ask, branch states picked per branch, gene names. */
class AggregationViewModelTest {

    @TempDir
    Path dir;

    private final AggregationViewModel viewModel = new AggregationViewModel(new CurrentThreadTaskExecutor());

    private static Path fixture(String name) {
        try {
            return Path.of(AggregationViewModelTest.class.getResource("/org/cardiacrnn/data/single-cell/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readAnnotatedFixture() {
        boolean[] done = {false};
        viewModel.read(fixture("anndata/var-columns.h5ad"), null, () -> done[0] = true);
        assertThat(done[0]).isTrue();
    }

    @Test
    void aFewCellsAreReadAsTheyAreAndManyCellsAskHowToAggregate() {
        readAnnotatedFixture();
        assertThat(viewModel.cellsProperty().get()).isEqualTo(40);
        assertThat(viewModel.asksHowToAggregate()).isFalse();

        SingleCellGenerator.Written written = new SingleCellGenerator(AggregationViewModel.MANY_CELLS, 200, 10, 3)
                .write(dir);
        AggregationViewModel many = new AggregationViewModel(new CurrentThreadTaskExecutor());
        many.read(written.folder(), written.metadata(), () -> { });
        assertThat(many.cellsProperty().get()).isEqualTo(AggregationViewModel.MANY_CELLS);
        assertThat(many.asksHowToAggregate()).isTrue();
    }

    @Test
    void aFileThatCannotBeReadIsNotAskedAboutAndSaysWhy() {
        boolean[] done = {false};
        viewModel.read(dir.resolve("missing.h5ad"), null, () -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(viewModel.asksHowToAggregate()).isFalse();
        assertThat(viewModel.messageProperty().get()).contains("missing.h5ad");
    }

    @Test
    void statesArePickedPerBranchFromTheColumnAndKeepTheColumnsOrder() {
        readAnnotatedFixture();
        viewModel.groupBy().setAll("individual", "diffday");
        viewModel.minCellsProperty().set(1);
        viewModel.branchColumnProperty().set("type");
        assertThat(viewModel.branchStates()).containsExactly("IPSC", "MES", "CM", "CF", "UNK");
        AggregationViewModel.Branch cardio = viewModel.addBranch();
        cardio.nameProperty().set("cardiomyocyte");
        viewModel.pick(cardio, "CM", true);
        viewModel.pick(cardio, "IPSC", true);
        viewModel.pick(cardio, "MES", true);
        AggregationViewModel.Branch fibro = viewModel.addBranch();
        fibro.nameProperty().set(" fibroblast ");
        viewModel.pick(fibro, "IPSC", true);
        viewModel.pick(fibro, "CF", true);
        viewModel.pick(fibro, "UNK", true);
        viewModel.pick(fibro, "UNK", false);
        viewModel.addBranch();

        SingleCellOptions options = viewModel.options();
        assertThat(options.branchColumn()).isEqualTo("type");
        assertThat(options.branches()).containsOnlyKeys("cardiomyocyte", "fibroblast");
        assertThat(options.branches().get("cardiomyocyte")).containsExactly("IPSC", "MES", "CM");
        assertThat(options.branches().get("fibroblast")).containsExactly("IPSC", "CF");
        // 2 lines × 2 days × 2 branches, each with cells: the preview was computed as states were picked
        assertThat(viewModel.preview()).hasSize(8).anyMatch(line -> line.startsWith("L1|day0|cardiomyocyte: "));

        viewModel.branchColumnProperty().set("individual");
        assertThat(viewModel.branches()).allMatch(branch -> branch.states().isEmpty());
        assertThat(viewModel.options().branchColumn()).isNull();
    }

    @Test
    void aBranchWithStatesButNoNameOrANameTakenTwiceIsRefused() {
        readAnnotatedFixture();
        viewModel.groupBy().setAll("individual");
        viewModel.branchColumnProperty().set("type");
        AggregationViewModel.Branch first = viewModel.addBranch();
        viewModel.pick(first, "CM", true);
        assertThatThrownBy(viewModel::options).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CM");
        assertThat(viewModel.messageProperty().get()).contains("CM");
        first.nameProperty().set("cm");
        AggregationViewModel.Branch second = viewModel.addBranch();
        second.nameProperty().set("cm");
        viewModel.pick(second, "CF", true);
        assertThatThrownBy(viewModel::options).hasMessageContaining("\"cm\"");
        viewModel.removeBranch(second);
        assertThat(viewModel.options().branches()).containsOnlyKeys("cm");
    }

    @Test
    void geneNamesComeFromTheIndexUnlessAVarColumnIsChosen() {
        readAnnotatedFixture();
        assertThat(viewModel.geneNameColumns()).containsExactly("gene_ids", "feature_name", "n_cells");
        assertThat(viewModel.options().varNames()).isNull();
        viewModel.geneNamesProperty().set("gene_ids");
        assertThat(viewModel.options().varNames()).isEqualTo("gene_ids");
        viewModel.geneNamesProperty().set("");
        assertThat(viewModel.options().varNames()).isNull();
        assertThat(List.copyOf(viewModel.columns())).contains("individual", "diffday", "type");
    }
}
