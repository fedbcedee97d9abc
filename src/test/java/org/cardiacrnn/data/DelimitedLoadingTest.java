package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedLoadingTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void sampleDataLayoutKeepsLeadingColumnsAsMetadataIncludingNumericDay() throws IOException {
        Path csv = write("counts.csv", """
                sample_id,donor,trajectory,day,NKX2-5,TNNT2,MYH6
                s1,d1,ventricular,0,1.5,0,3
                s2,d1,atrial,5,2.25,4,0
                s3,d2,ventricular,15,0.125,8,1
                """);
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
        assertThat(data.matrix().sampleIds()).containsExactly("s1", "s2", "s3");
        assertThat(data.matrix().geneNames()).containsExactly("NKX2-5", "TNNT2", "MYH6");
        assertThat(data.matrix().get(1, 0)).isEqualTo(2.25f);
        assertThat(data.matrix().get(2, 1)).isEqualTo(8f);
        assertThat(data.metadata().columnNames()).containsExactly("donor", "trajectory", "day");
        assertThat(data.metadata().column("day").isNumeric()).isTrue();
        assertThat(data.metadata().column("day").numbers()).containsExactly(0, 5, 15);
        assertThat(data.metadata().column("trajectory").isNumeric()).isFalse();
        assertThat(data.report().orientation()).isEqualTo(Orientation.SAMPLES_BY_GENES);
        assertThat(data.report().orientationDetected()).isTrue();
    }

    @Test
    void genesBySamplesTsvIsDetectedFromGeneLikeRowNamesAndTransposed() throws IOException {
        Path tsv = write("genes.tsv", "gene\tcell_a\tcell_b\nGATA6\t1\t2\nSOX17\t3\t4\nNANOG\t5\t6\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(tsv));
        assertThat(data.report().orientation()).isEqualTo(Orientation.GENES_BY_SAMPLES);
        assertThat(data.matrix().sampleIds()).containsExactly("cell_a", "cell_b");
        assertThat(data.matrix().geneNames()).containsExactly("GATA6", "SOX17", "NANOG");
        assertThat(data.matrix().sampleRow(1)).containsExactly(2f, 4f, 6f);
    }

    @Test
    void rStyleHeaderWithoutRowNameCellAndGeneLikeColumns() throws IOException {
        Path csv = write("r.csv", "\"GATA6\",\"SOX17\"\n\"day0_r1\",1,2\n\"day0_r2\",3,4\n\"day1_r1\",5,6\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
        assertThat(data.report().orientation()).isEqualTo(Orientation.SAMPLES_BY_GENES);
        assertThat(data.matrix().sampleIds()).containsExactly("day0_r1", "day0_r2", "day1_r1");
        assertThat(data.matrix().geneNames()).containsExactly("GATA6", "SOX17");
    }

    @Test
    void orientationCanBeForced() throws IOException {
        Path tsv = write("genes.tsv", "gene\tcell_a\tcell_b\nGATA6\t1\t2\nSOX17\t3\t4\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.builder(tsv)
                .orientation(Orientation.SAMPLES_BY_GENES).build());
        assertThat(data.report().orientationDetected()).isFalse();
        assertThat(data.matrix().sampleIds()).containsExactly("GATA6", "SOX17");
        assertThat(data.matrix().geneNames()).containsExactly("cell_a", "cell_b");
    }

    @Test
    void gzipIsRecognisedByContentAndSemicolonsByCounting() throws IOException {
        Path file = dir.resolve("no-extension.txt");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("sample;A1;B2\nx;1,5;2\n".replace("1,5", "1.5").getBytes(StandardCharsets.UTF_8));
        }
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(file));
        assertThat(data.report().format()).contains("semicolon").contains("gzip");
        assertThat(data.matrix().sampleRow(0)).containsExactly(1.5f, 2f);
    }

    @Test
    void headerlessMatrixTakesNamesFromFilesAndDetectsOrientationFromTheirLength() throws IOException {
        Path matrix = write("data.txt", "1\t2\t3\n4\t5\t6\n");
        Path genes = write("genes.txt", "G1A\nG2B\n");
        Path samples = write("cells.txt", "c1\nc2\nc3\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.builder(matrix).geneNames(genes)
                .sampleNames(samples).build());
        assertThat(data.report().orientation()).isEqualTo(Orientation.GENES_BY_SAMPLES);
        assertThat(data.matrix().sampleIds()).containsExactly("c1", "c2", "c3");
        assertThat(data.matrix().geneNames()).containsExactly("G1A", "G2B");
        assertThat(data.matrix().sampleRow(2)).containsExactly(3f, 6f);
    }

    @Test
    void missingValuesBecomeNaNAndAreCountedInTheWarnings() throws IOException {
        Path csv = write("m.csv", "sample,A,B,C\ns1,1,NA,\ns2,NaN,2,3\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
        assertThat(data.matrix().get(0, 1)).isNaN();
        assertThat(data.matrix().get(0, 2)).isNaN();
        assertThat(data.matrix().get(1, 0)).isNaN();
        assertThat(data.report().warnings()).anyMatch(w -> w.startsWith("3 missing value(s)")
                && w.contains("line 2, column 3"));
    }

    @Test
    void forcedMetadataColumnCountOverridesDetection() throws IOException {
        Path csv = write("f.csv", "sample,batch_no,A,B\ns1,1,5,6\ns2,2,7,8\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.builder(csv).metadataColumns(1).build());
        assertThat(data.matrix().geneNames()).containsExactly("batch_no", "A", "B");
        ExpressionData detected = ExpressionLoader.load(LoadRequest.of(csv));
        assertThat(detected.matrix().geneNames()).containsExactly("batch_no", "A", "B");
        ExpressionData two = ExpressionLoader.load(LoadRequest.builder(csv).metadataColumns(2).build());
        assertThat(two.matrix().geneNames()).containsExactly("A", "B");
        assertThat(two.metadata().column("batch_no").numbers()).containsExactly(1, 2);
    }

    @Test
    void uniqueNumericDayIsNotMistakenForASampleId() throws IOException {
        Path csv = write("d.csv", "day,trajectory,GATA4\n0,atrial,1\n5,atrial,2\n15,ventricular,3\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
        assertThat(data.matrix().sampleIds()).containsExactly("sample1", "sample2", "sample3");
        assertThat(data.metadata().column("day").numbers()).containsExactly(0, 5, 15);
        assertThat(data.report().warnings()).anyMatch(w -> w.startsWith("no sample-id column found"));
    }

    @Test
    void byteParserAgreesWithFloatParseFloat() throws IOException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("id,v1,v2,v3,v4\n");
        List<String[]> tokens = new java.util.ArrayList<>();
        for (int r = 0; r < 500; r++) {
            String[] row = {String.format(Locale.ROOT, "%.4f", random.nextDouble() * 100),
                    Double.toString(random.nextGaussian()),
                    String.format(Locale.ROOT, "%.3e", random.nextDouble() * 1e-7),
                    String.valueOf(-random.nextInt(1000))};
            tokens.add(row);
            csv.append('r').append(r).append(',').append(String.join(",", row)).append('\n');
        }
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(write("p.csv", csv.toString())));
        for (int r = 0; r < tokens.size(); r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(data.matrix().get(r, c)).as("row %d col %d", r, c)
                        .isEqualTo(Float.parseFloat(tokens.get(r)[c]));
            }
        }
    }

    @Test
    void windowsLineEndsAndByteOrderMarkAreAccepted() throws IOException {
        Path csv = write("w.csv", "\uFEFFsample,A,B\r\ns1,1.25,2\r\n\r\ns2,3,4e-1\r\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
        assertThat(data.matrix().sampleIds()).containsExactly("s1", "s2");
        assertThat(data.matrix().get(1, 1)).isCloseTo(0.4f, within(1e-7f));
    }
}
