package org.cardiacrnn.interpret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.cardiacrnn.data.SampleDataGenerator;
import org.junit.jupiter.api.Test;

/** The gene lists the recall check compares attributions with. */
class ProgrammeGenesTest {

    @Test
    void aTrajectorysGenesAreItsProgrammesMarkersAndItsOwnLineageGenes() {
        Set<String> epicardial = SampleDataGenerator.programmeGenes("epicardial", 42);
        assertThat(epicardial).contains("WT1", "TBX18", "TCF21", "POU5F1").doesNotContain("MYL2", "COL1A1");
        long lineage = epicardial.stream().filter(gene -> gene.startsWith("GENE")).count();
        assertThat(lineage).isBetween(50L, 60L);
        assertThat(SampleDataGenerator.programmeGenes("epicardial", 42)).isEqualTo(epicardial);
        assertThat(SampleDataGenerator.programmeGenes("epicardial", 7)).isNotEqualTo(epicardial);
        assertThat(SampleDataGenerator.programmeGenes("atrial_cm", 42)).contains("NPPA", "NKX2-5")
                .doesNotContain("WT1");
    }
}
