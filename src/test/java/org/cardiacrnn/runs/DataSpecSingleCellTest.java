package org.cardiacrnn.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SingleCellOptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The single-cell options survive config.json, so that evaluate --run reads the cells the same way. */
class DataSpecSingleCellTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void varNamesAndTheOtherOptionsAreRecordedAndReadBack() throws Exception {
        SingleCellOptions options = new SingleCellOptions(List.of("individual", "diffday"), 4, 5, "type",
                SingleCellOptions.parseBranches("cm=IPSC,CM;cf=IPSC,CF"), "counts", "gene_ids", 7);
        DataSpec spec = DataSpec.of(LoadRequest.builder(Path.of("sc.h5ad")).singleCell(options).build());
        String json = JSON.writeValueAsString(spec);
        assertThat(json).contains("\"varNames\":\"gene_ids\"");
        assertThat(JSON.readValue(json, DataSpec.class).toRequest().singleCell()).isEqualTo(options);
    }

    @Test
    void aRunFolderFromBeforeVarNamesReadsGenesFromTheIndex() throws Exception {
        String older = "{\"matrix\":\"sc.h5ad\",\"singleCell\":{\"pseudobulk\":[\"individual\"],\"replicates\":1,"
                + "\"minCells\":10,\"branchColumn\":null,\"branches\":{},\"countsLayer\":null,\"seed\":42}}";
        assertThat(JSON.readValue(older, DataSpec.class).singleCell().varNames()).isNull();
    }
}
