package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Gene names from a named var column (--var-names) on an anndata 0.8.0 file whose var holds gene_ids (strings),
 * feature_name (a categorical with MYL7 twice and one name missing) and n_cells (numbers); X is the fixture's
 * (c + 2g) mod 4 as in {@link SingleCellReadersTest}.
 */
class VarNamesTest {

    private static LoadRequest request(String varNames, List<String> pseudobulk) {
        return LoadRequest.builder(SingleCellReadersTest.fixture("anndata/var-columns.h5ad")).singleCell(
                new SingleCellOptions(pseudobulk, 1, 1, null, Map.of(), null, varNames, 42)).build();
    }

    @Test
    void theIndexNamesGenesUnlessAColumnIsNamed() {
        assertThat(ExpressionLoader.load(request(null, List.of())).matrix().geneNames())
                .containsExactly("G0", "G1", "G2", "G3", "G4", "G5");
        assertThat(ExpressionLoader.load(request("_index", List.of())).matrix().geneNames())
                .containsExactly("G0", "G1", "G2", "G3", "G4", "G5");
    }

    @Test
    void geneIdsComeFromTheirColumnAndTheValuesStayWithTheirGenes() {
        ExpressionMatrix matrix = ExpressionLoader.load(request("gene_ids", List.of())).matrix();
        assertThat(matrix.geneNames()).containsExactly("ENSG00000", "ENSG00001", "ENSG00002", "ENSG00003",
                "ENSG00004", "ENSG00005");
        assertThat(matrix.get(5, 3)).isEqualTo((5 + 2 * 3) % 4);
    }

    @Test
    void repeatedSymbolsAreMadeUniqueAndAMissingOneKeepsItsIndexNameBothCounted() {
        ExpressionData data = ExpressionLoader.load(request("feature_name", List.of()));
        assertThat(data.matrix().geneNames()).containsExactly("NKX2-5", "TNNT2", "ACTC1", "MYL7", "MYL7-1", "G5");
        assertThat(data.report().warnings())
                .contains("1 repeated gene name(s) in var/feature_name made unique with -1, -2, … as anndata does")
                .contains("1 gene(s) without a name in var/feature_name keep their index name");
    }

    @Test
    void pseudobulkSamplesCarryTheNamedGenes() {
        ExpressionMatrix matrix = ExpressionLoader.load(request("gene_ids", List.of("individual"))).matrix();
        assertThat(matrix.geneNames()).startsWith("ENSG00000");
        // gene 0 over cells 0..19 of L1: (c mod 4) sums to 5 × (0 + 1 + 2 + 3)
        assertThat(matrix.get(matrix.sampleIds().indexOf("L1"), 0)).isEqualTo(30f);
    }

    @Test
    void aColumnThatDoesNotExistListsTheVarColumns() {
        assertThatThrownBy(() -> ExpressionLoader.load(request("gene_symbols", List.of())))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("var-columns.h5ad: var has no column \"gene_symbols\" to take gene names from; its columns "
                        + "are _index, gene_ids, feature_name, n_cells");
    }

    @Test
    void otherFormatsRefuseItByName() {
        LoadRequest tenx = LoadRequest.builder(
                SingleCellReadersTest.fixture("scanpy-10x/v3/filtered_feature_bc_matrix")).singleCell(
                new SingleCellOptions(List.of(), 1, 1, null, Map.of(), null, "gene_ids", 42)).build();
        assertThatThrownBy(() -> ExpressionLoader.load(tenx)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("--var-names applies to .h5ad files");
    }

    @Test
    void thePreviewOffersTheVarColumns() {
        SingleCellPreview preview = SingleCellPreview.read(SingleCellReadersTest.fixture("anndata/var-columns.h5ad"),
                null);
        assertThat(preview.geneNameColumns()).containsExactly("gene_ids", "feature_name", "n_cells");
        assertThat(SingleCellPreview.read(SingleCellReadersTest.fixture("scanpy-10x/v3/filtered_feature_bc_matrix"),
                null).geneNameColumns()).isEmpty();
    }
}
