package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.junit.jupiter.api.Test;

/**
 * Slices of chunked datasets: anndata 0.8.0 fixtures rewritten by h5py with chunks of 16 values (X/data,
 * X/indices) and of 8 × 4 cells × genes (a dense X), where jHDF's own slicing reads zeros past the first chunk.
 */
class HdfSlicesTest {

    @Test
    void aSliceStartingInsideAChunkAndCrossingSeveralMatchesTheWholeDataset() {
        try (HdfFile hdf = new HdfFile(SingleCellReadersTest.fixture("anndata/csr-small-chunks.h5ad"))) {
            Dataset data = (Dataset) hdf.getByPath("X/data");
            Dataset indices = (Dataset) hdf.getByPath("X/indices");
            float[] allValues = HdfSparse.floats(data.getData());
            int[] allIndices = HdfSparse.ints(indices.getData());
            assertThat(allValues).hasSize(180);
            HdfSlices values = new HdfSlices(data);
            HdfSlices index = new HdfSlices(indices);
            for (int from : new int[] {0, 5, 16, 37, 150}) {
                int length = Math.min(50, 180 - from);
                assertThat(values.floats(from, length)).as("data from %d", from)
                        .containsExactly(Arrays.copyOfRange(allValues, from, from + length));
                assertThat(index.ints(from, length)).as("indices from %d", from)
                        .containsExactly(Arrays.copyOfRange(allIndices, from, from + length));
            }
        }
    }

    @Test
    void sparseAndDenseXInManyChunksReadAsTheOneChunkFixtures() {
        for (String name : new String[] {"anndata/csr-small-chunks.h5ad", "anndata/dense-small-chunks.h5ad"}) {
            ExpressionMatrix matrix = ExpressionLoader.load(LoadRequest.of(SingleCellReadersTest.fixture(name)))
                    .matrix();
            for (int c = 0; c < 40; c++) {
                for (int g = 0; g < 6; g++) {
                    assertThat(matrix.get(c, g)).as("%s cell %d gene %d", name, c, g).isEqualTo((c + 2 * g) % 4);
                }
            }
        }
    }

    @Test
    void rowsOfADenseDatasetCrossChunkRowsAndThePartialLastColumnChunk() {
        try (HdfFile hdf = new HdfFile(SingleCellReadersTest.fixture("anndata/dense-small-chunks.h5ad"))) {
            float[][] rows = new HdfSlices((Dataset) hdf.getByPath("X")).rows(5, 20);
            assertThat(rows).hasNumberOfRows(20);
            for (int r = 0; r < 20; r++) {
                for (int g = 0; g < 6; g++) {
                    assertThat(rows[r][g]).as("row %d gene %d", 5 + r, g).isEqualTo((5 + r + 2 * g) % 4);
                }
            }
        }
    }
}
