package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** The bad single-cell inputs: each is one message naming the file and what is wrong. */
class SingleCellBadInputTest {

    @TempDir
    Path dir;

    private static DataFormatException failure(LoadRequest request) {
        try {
            ExpressionLoader.load(request);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("expected a DataFormatException");
    }

    @Test
    void anAnndataFileWithoutX() {
        DataFormatException e = failure(LoadRequest.of(SingleCellReadersTest.fixture(
                "anndata-archive/v0.11.4/adata.h5ad")));
        assertThat(e.getMessage()).isEqualTo("adata.h5ad: the AnnData file has no X matrix (the expression values)");
    }

    @Test
    void anXEncodingThatIsNotSupportedIsNamed() {
        Path file = dir.resolve("coo.h5ad");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup x = hdf.putGroup("X");
            x.putAttribute("encoding-type", "coo_matrix");
            x.putDataset("data", new float[] {1});
            hdf.putGroup("obs").putDataset("_index", new String[] {"c1"});
            hdf.putGroup("var").putDataset("_index", new String[] {"g1"});
        }
        assertThat(failure(LoadRequest.of(file)).getMessage()).isEqualTo("coo.h5ad: X has the encoding "
                + "\"coo_matrix\", which is not supported (supported: dense array, csr_matrix, csc_matrix)");
    }

    @Test
    void aLayerThatDoesNotExistListsTheLayersThatDo() {
        LoadRequest request = LoadRequest.builder(SingleCellReadersTest.fixture("anndata/csr-gzip.h5ad"))
                .singleCell(new SingleCellOptions(List.of(), 1, 10, null, Map.of(), "spliced", null, 1)).build();
        assertThat(failure(request).getMessage()).isEqualTo("csr-gzip.h5ad: the AnnData file has no layers/spliced; "
                + "its layers are [counts, raw]");
    }

    @Test
    void aDenseTableTooLargeForMemorySaysHowMuchAndSuggestsPseudobulk() {
        assertThatThrownBy(() -> DenseCells.allocate(Path.of("sc.h5ad"), 230_000, 24_000))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("sc.h5ad: 230,000 cells × 24,000 genes held as one dense table would need "
                        + "22.1 GB of memory")
                .hasMessageContaining("--pseudobulk");
    }

    @Test
    void aDamagedGzipChunkInsideAnH5adIsNamed() throws IOException {
        Path file = Files.copy(SingleCellReadersTest.fixture("anndata/csr-gzip.h5ad"), dir.resolve("cut.h5ad"),
                StandardCopyOption.REPLACE_EXISTING);
        // X/data's only gzip chunk starts at byte 8944 and is 40 bytes long (h5py's get_chunk_info)
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 8944 + 10; i < 8944 + 40; i++) {
            bytes[i] = 0;
        }
        Files.write(file, bytes);
        DataFormatException e = failure(LoadRequest.of(file));
        assertThat(e.getMessage()).startsWith("cut.h5ad: X cannot be read, its compressed chunks may be damaged or "
                + "truncated");
    }

    @Test
    void barcodesWithoutCellsAndCellsWithoutMetadataAreCounted() throws IOException {
        Path folder = SingleCellReadersTest.fixture("scanpy-10x/v3/filtered_feature_bc_matrix");
        List<String> barcodes = ExpressionLoader.load(LoadRequest.of(folder)).matrix().sampleIds();
        StringBuilder table = new StringBuilder("barcode\tsample\n");
        for (int i = 0; i < 100; i++) {
            table.append(barcodes.get(i)).append('\t').append(i < 50 ? "a" : "b").append('\n');
        }
        table.append("NOTACELL-1\ta\nNOTACELL-2\tb\n");
        Path metadata = Files.writeString(dir.resolve("cells.tsv"), table);
        LoadResult result = ExpressionLoader.loadWithReport(LoadRequest.builder(folder).metadata(metadata)
                .singleCell(new SingleCellOptions(List.of("sample"), 1, 1, null, Map.of(), null, null, 1)).build());
        assertThat(result.data().matrix().sampleIds()).containsExactly("a", "b");
        assertThat(result.data().metadata().column("cells").values()).containsExactly("50", "50");
        JoinReport join = result.join().orElseThrow();
        assertThat(join.matchedSamples()).isEqualTo(100);
        assertThat(join.metadataRowsWithoutSample()).containsExactly("NOTACELL-1", "NOTACELL-2");
        assertThat(join.samplesWithoutMetadata()).hasSize(barcodes.size() - 100);
        assertThat(result.singleCell().orElseThrow().cellsWithoutGroup()).isEqualTo(barcodes.size() - 100);
        assertThat(result.data().report().warnings()).anyMatch(w -> w.contains("2 metadata row(s) matching no cell"));
    }
}
