package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The single-cell readers on files other tools wrote: anndata 0.8.0 (Debian) and anndata 0.7.0 (its own archive),
 * Cell Ranger v2 and v3 HDF5 matrices and a v3 Matrix Market folder from scanpy's tests. The anndata fixtures
 * hold X[c, g] = (c + 2g) mod 4 for 40 cells and 6 genes (see make_fixtures.py beside them).
 */
class SingleCellReadersTest {

    static Path fixture(String name) {
        try {
            return Path.of(SingleCellReadersTest.class.getResource("single-cell/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float expected(int cell, int gene) {
        return (cell + 2 * gene) % 4;
    }

    private static void assertFixtureValues(ExpressionMatrix matrix, float scale) {
        assertThat(matrix.sampleCount()).isEqualTo(40);
        assertThat(matrix.geneNames()).containsExactly("G0", "G1", "G2", "G3", "G4", "G5");
        for (int c = 0; c < 40; c++) {
            for (int g = 0; g < 6; g++) {
                assertThat(matrix.get(c, g)).as("cell %d gene %d", c, g).isEqualTo(expected(c, g) * scale);
            }
        }
    }

    @Test
    void anndataCsrWithGzipChunksAndEveryObsEncoding() {
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(fixture("anndata/csr-gzip.h5ad")));
        assertFixtureValues(data.matrix(), 1);
        assertThat(data.matrix().sampleIds().get(3)).isEqualTo("cell03");
        assertThat(data.report().format()).contains("CSR");
        SampleMetadata metadata = data.metadata();
        assertThat(metadata.column("individual").values().get(25)).isEqualTo("L2");
        assertThat(metadata.column("type").values().get(7)).isEqualTo("CM");
        assertThat(metadata.column("barcode_text").values().get(5)).isEqualTo("t5");
        assertThat(metadata.column("dpt_pseudotime").isNumeric()).isTrue();
        assertThat(metadata.column("dpt_pseudotime").numbers()[39]).isEqualTo(1.0);
    }

    @Test
    void anndataLayerAndRawAreReadWhenNamed() {
        LoadRequest layer = LoadRequest.builder(fixture("anndata/csr-gzip.h5ad")).singleCell(
                new SingleCellOptions(List.of(), 1, 10, null, Map.of(), "counts", null, 42)).build();
        assertFixtureValues(ExpressionLoader.load(layer).matrix(), 10);
        LoadRequest raw = LoadRequest.builder(fixture("anndata/csr-gzip.h5ad")).singleCell(
                new SingleCellOptions(List.of(), 1, 10, null, Map.of(), "raw", null, 42)).build();
        ExpressionData data = ExpressionLoader.load(raw);
        assertFixtureValues(data.matrix(), 1);
        assertThat(data.report().format()).contains("raw/X");
    }

    @Test
    void anndataCscWithLzfChunksAndDenseX() {
        assertFixtureValues(ExpressionLoader.load(LoadRequest.of(fixture("anndata/csc-lzf.h5ad"))).matrix(), 1);
        ExpressionData dense = ExpressionLoader.load(LoadRequest.of(fixture("anndata/dense.h5ad")));
        assertFixtureValues(dense.matrix(), 1);
        assertThat(dense.report().format()).contains("dense");
    }

    @Test
    void anndata07ArchiveWithOldCategoriesGroup() {
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(fixture("anndata-archive/v0.7.0/adata.h5ad")));
        assertThat(data.matrix().sampleCount()).isEqualTo(30);
        assertThat(data.matrix().geneCount()).isEqualTo(20);
        assertThat(data.matrix().geneNames().subList(0, 3)).containsExactly("gene0", "gene1", "gene2");
        assertThat(data.matrix().sampleRow(0)).containsExactly(0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0,
                0, 0, 0);
        double total = 0;
        for (float v : data.matrix().values()) {
            total += v;
        }
        assertThat(total).isEqualTo(285.0);
        assertThat(data.metadata().column("obs_cat").values().subList(0, 3)).containsExactly("S", "W", "E");
        assertThat(data.metadata().column("int64").values().get(2)).isEqualTo("34");
    }

    @Test
    void anndata07ArchivePseudobulkMatchesAnndatasOwnGroupSums() {
        LoadRequest request = LoadRequest.builder(fixture("anndata-archive/v0.7.0/adata.h5ad")).singleCell(
                new SingleCellOptions(List.of("obs_cat"), 1, 1, null, Map.of(), null, null, 42)).build();
        ExpressionData data = ExpressionLoader.load(request);
        // sums by obs_cat as anndata 0.8.0 computed them: s -> [0, 3, 2], T -> [2, 0, 1], D -> [0, 0, 3]
        int s = data.matrix().sampleIds().indexOf("s");
        int t = data.matrix().sampleIds().indexOf("T");
        int d = data.matrix().sampleIds().indexOf("D");
        assertThat(new float[] {data.matrix().get(s, 0), data.matrix().get(s, 1), data.matrix().get(s, 2)})
                .containsExactly(0, 3, 2);
        assertThat(new float[] {data.matrix().get(t, 0), data.matrix().get(t, 1), data.matrix().get(t, 2)})
                .containsExactly(2, 0, 1);
        assertThat(data.matrix().get(d, 2)).isEqualTo(3);
        assertThat(data.metadata().column("cells").values().get(s)).isEqualTo("2");
        assertThat(data.matrix().sampleCount()).isEqualTo(22);
    }

    @Test
    void cellRangerV3FileAndItsMatrixMarketFolderAgree() {
        String v3 = "scanpy-10x/v3/filtered_feature_bc_matrix";
        ExpressionData h5 = ExpressionLoader.load(LoadRequest.of(fixture(v3 + ".h5")));
        ExpressionData mtx = ExpressionLoader.load(LoadRequest.of(fixture(v3)));
        assertThat(h5.report().format()).isEqualTo("Cell Ranger HDF5 matrix (v3)");
        assertThat(h5.matrix().sampleIds()).isEqualTo(mtx.matrix().sampleIds());
        assertThat(h5.matrix().geneNames()).isEqualTo(mtx.matrix().geneNames());
        assertThat(h5.matrix().values()).isEqualTo(mtx.matrix().values());
        assertThat(h5.matrix().sampleIds().get(0)).isEqualTo("AAACCCAAGGAGAGTA-1");
        float firstCell = 0;
        for (float v : h5.matrix().sampleRow(0)) {
            firstCell += v;
        }
        assertThat(firstCell).isEqualTo(36);
    }

    @Test
    void cellRangerV2FileWithOneAndWithTwoGenomes() {
        ExpressionData v2 = ExpressionLoader.load(LoadRequest.of(
                fixture("scanpy-10x/v2/filtered_gene_bc_matrices_h5.h5")));
        assertThat(v2.report().format()).isEqualTo("Cell Ranger HDF5 matrix (v2, genome hg19_chr21)");
        assertThat(v2.matrix().sampleCount()).isEqualTo(12);
        assertThat(v2.matrix().geneCount()).isEqualTo(343);
        assertThat(v2.matrix().geneNames().get(0)).isEqualTo("DSCAM");
        assertThat(v2.matrix().sampleIds().get(0)).isEqualTo("AACACGTGTACGCTGC-1");
        double total = 0;
        for (float v : v2.matrix().values()) {
            total += v;
        }
        assertThat(total).isEqualTo(12);
        ExpressionData two = ExpressionLoader.load(LoadRequest.of(fixture("scanpy-10x/v2/multiple_genomes.h5")));
        assertThat(two.report().warnings()).anyMatch(w -> w.contains("2 genomes"));
    }
}
