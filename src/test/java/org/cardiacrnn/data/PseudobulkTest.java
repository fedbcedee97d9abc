package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Aggregation on the anndata fixture, whose 40 cells hold X[c, g] = (c + 2g) mod 4; individual L1 for c < 20,
 * diffday day0 for even c, type c mod 5 in IPSC, MES, CM, CF, UNK. The sums below were worked out by hand.
 */
class PseudobulkTest {

    private static final String CARDIO_FIBRO = "cardiomyocyte=IPSC,MES,CM;fibroblast=IPSC,MES,CF";

    private static LoadResult load(SingleCellOptions options) {
        return ExpressionLoader.loadWithReport(LoadRequest.builder(
                SingleCellReadersTest.fixture("anndata/csr-gzip.h5ad")).singleCell(options).build());
    }

    private static SingleCellOptions options(List<String> groupBy, int replicates, int minCells, String branches) {
        Map<String, List<String>> parsed = SingleCellOptions.parseBranches(branches);
        return new SingleCellOptions(groupBy, replicates, minCells, parsed.isEmpty() ? null : "type", parsed, null,
                null, 7);
    }

    private static float[] row(ExpressionData data, String sample) {
        int index = data.matrix().sampleIds().indexOf(sample);
        assertThat(index).as("sample %s in %s", sample, data.matrix().sampleIds()).isNotNegative();
        return data.matrix().sampleRow(index);
    }

    @Test
    void lineByDaySumsEveryCountOfTheGroup() {
        ExpressionData data = load(options(List.of("individual", "diffday"), 1, 10, null)).data();
        assertThat(data.matrix().sampleIds()).containsExactly("L1|day0", "L1|day7", "L2|day0", "L2|day7");
        // even cells 0..18 hold 0,2,0,2,… in every gene (sum 10); odd cells 1..19 hold 1,3,1,3,… (sum 20)
        assertThat(row(data, "L1|day0")).containsOnly(10f);
        assertThat(row(data, "L1|day7")).containsOnly(20f);
        assertThat(data.metadata().column("cells").values()).containsOnly("10");
        assertThat(data.metadata().column("diffday").values()).containsExactly("day0", "day7", "day0", "day7");
        assertThat(MetadataColumns.requireNumeric(data.metadata(), "diffday", null)).containsExactly(0, 7, 0, 7);
    }

    @Test
    void branchesShareTheEarlyStatesAndLeaveOutTheRest() {
        LoadResult result = load(options(List.of("individual", "diffday"), 1, 1, CARDIO_FIBRO));
        ExpressionData data = result.data();
        // L1 day0 cells: IPSC 0,10; MES 6,16; CM 2,12; CF 8,18; UNK 4,14
        int cardio = data.matrix().sampleIds().indexOf("L1|day0|cardiomyocyte");
        assertThat(data.metadata().column("cells").values().get(cardio)).isEqualTo("6");
        assertThat(data.metadata().column("branch").values().get(cardio)).isEqualTo("cardiomyocyte");
        // gene 0 holds c mod 4: 0+2+2+0+2+0 = 6; gene 1 holds (c+2) mod 4: 2+0+0+2+0+2 = 6
        assertThat(row(data, "L1|day0|cardiomyocyte")[0]).isEqualTo(6f);
        assertThat(row(data, "L1|day0|cardiomyocyte")[1]).isEqualTo(6f);
        // fibroblast swaps CM (2,12) for CF (8,18): gene 0 gets 0+2+2+0+0+2 = 6
        assertThat(row(data, "L1|day0|fibroblast")[0]).isEqualTo(6f);
        assertThat(data.matrix().sampleCount()).isEqualTo(8);
        SingleCellReport report = result.singleCell().orElseThrow();
        assertThat(report.cellsOutsideBranches()).containsExactly(Map.entry("UNK", 8));
        assertThat(report.statesNeverSeen()).isEmpty();
    }

    @Test
    void replicatesSplitEachGroupIntoEqualPartsWhoseSumsAddUp() {
        ExpressionData data = load(options(List.of("individual", "diffday"), 2, 10, null)).data();
        assertThat(data.matrix().sampleCount()).isEqualTo(8);
        float[] first = row(data, "L1|day7|r1");
        float[] second = row(data, "L1|day7|r2");
        for (int g = 0; g < 6; g++) {
            assertThat(first[g] + second[g]).isEqualTo(20f);
        }
        assertThat(data.metadata().column("cells").values()).containsOnly("5");
        assertThat(data.metadata().column("replicate").values()).containsExactly("1", "2", "1", "2", "1", "2", "1",
                "2");
        ExpressionData again = load(options(List.of("individual", "diffday"), 2, 10, null)).data();
        assertThat(again.matrix().values()).isEqualTo(data.matrix().values());
    }

    @Test
    void groupsBelowTheMinimumAreDroppedAndListed() {
        // batch is c mod 3: b0 has 14 cells, b1 and b2 have 13
        LoadResult result = load(options(List.of("batch"), 1, 14, null));
        assertThat(result.data().matrix().sampleIds()).containsExactly("b0");
        SingleCellReport report = result.singleCell().orElseThrow();
        assertThat(report.droppedGroups()).containsExactly("b1: 13 cells", "b2: 13 cells");
        assertThat(report.cellsInDroppedGroups()).isEqualTo(26);
        assertThat(result.data().report().warnings()).anyMatch(w -> w.startsWith("2 group(s) with fewer than 14"));
        assertThatThrownBy(() -> load(options(List.of("individual", "diffday", "type"), 1, 3, null)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("fewer than 3 cells");
    }

    @Test
    void aMissingColumnAndAnUnseenStateAreNamed() {
        assertThatThrownBy(() -> load(options(List.of("donor"), 1, 1, null)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("\"donor\" that does not exist").hasMessageContaining("individual");
        LoadResult result = load(options(List.of("individual"), 1, 1, "cardiomyocyte=IPSC,CMES,CM"));
        assertThat(result.singleCell().orElseThrow().statesNeverSeen()).containsExactly("CMES");
        assertThat(result.data().report().warnings()).anyMatch(w -> w.contains("\"CMES\" never occurs"));
    }

    @Test
    void branchDefinitionsAreParsedAndBadOnesNamed() {
        assertThat(SingleCellOptions.parseBranches(" a = X, Y ;b=Z")).containsExactly(
                Map.entry("a", List.of("X", "Y")), Map.entry("b", List.of("Z")));
        assertThat(SingleCellOptions.formatBranches(SingleCellOptions.parseBranches(CARDIO_FIBRO)))
                .isEqualTo(CARDIO_FIBRO);
        assertThatThrownBy(() -> SingleCellOptions.parseBranches("a=X;bZ"))
                .hasMessageContaining("\"bZ\" is not NAME=STATE");
    }
}
