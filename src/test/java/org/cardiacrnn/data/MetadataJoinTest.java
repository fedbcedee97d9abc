package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataJoinTest {

    @TempDir
    Path dir;

    @Test
    void joinAlignsRowsToSamplesAndReportsEveryMismatch() throws IOException {
        Path matrix = Files.writeString(dir.resolve("m.csv"), "sample,A\ns1,1\ns2,2\ns3,3\n");
        Path meta = Files.writeString(dir.resolve("meta.tsv"),
                "donor\tsample\tday\nd2\ts3\t15\nd1\ts1\t0\nd9\tghost\t5\nd1\ts1\t1\n");
        LoadResult result = ExpressionLoader.loadWithReport(LoadRequest.builder(matrix).metadata(meta).build());
        JoinReport join = result.join().orElseThrow();
        assertThat(join.idColumn()).isEqualTo("sample");
        assertThat(join.matchedSamples()).isEqualTo(2);
        assertThat(join.samplesWithoutMetadata()).containsExactly("s2");
        assertThat(join.metadataRowsWithoutSample()).containsExactly("ghost");
        assertThat(join.duplicateIds()).containsExactly("s1");
        SampleMetadata metadata = result.data().metadata();
        assertThat(metadata.column("donor").values()).containsExactly("d1", "", "d2");
        assertThat(metadata.column("day").numbers()[0]).isEqualTo(0);
        assertThat(metadata.column("day").numbers()[1]).isNaN();
        assertThat(result.data().report().warnings()).anyMatch(w -> w.startsWith("metadata join: 2 sample(s)"));
    }

    @Test
    void idColumnCanBeNamedAndHeaderlessAnnotationsFollowSampleOrder() throws IOException {
        Path matrix = Files.writeString(dir.resolve("m.csv"), "sample,A\ns1,1\ns2,2\n");
        Path meta = Files.writeString(dir.resolve("meta.csv"), "label,name\ns2,s1\ns1,s2\n");
        Path annotations = Files.writeString(dir.resolve("t.txt"), "0 0.5\n12 0.9\n");
        LoadResult result = ExpressionLoader.loadWithReport(LoadRequest.builder(matrix).metadata(meta)
                .sampleIdColumn("name").annotations(annotations, List.of("hours", "pseudotime")).build());
        SampleMetadata metadata = result.data().metadata();
        assertThat(metadata.column("label").values()).containsExactly("s2", "s1");
        assertThat(metadata.column("hours").numbers()).containsExactly(0, 12);
        assertThat(metadata.column("pseudotime").numbers()).containsExactly(0.5, 0.9);
        assertThat(result.join().orElseThrow().isComplete()).isTrue();
    }
}
