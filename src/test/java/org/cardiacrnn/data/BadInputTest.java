package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input fails with a DataFormatException naming the file and, where it applies, line and column. */
class BadInputTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private DataFormatException failure(LoadRequest request) {
        try {
            ExpressionLoader.load(request);
        } catch (DataFormatException expected) {
            return expected;
        }
        throw new AssertionError("loading should have failed");
    }

    @Test
    void emptyFile() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("empty.csv", "")));
        assertThat(e.getMessage()).startsWith("empty.csv: ").contains("empty");
    }

    @Test
    void headerWithoutRows() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("head.csv", "sample,A,B\n")));
        assertThat(e.getMessage()).startsWith("head.csv: ").contains("no data rows");
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("r.csv", "sample,A,B\ns1,1,2\ns2,3\ns3,4,5\n")));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("r.csv, line 3: ").contains("2 fields").contains("has 3");
    }

    @Test
    void textInANumericCellNamesLineAndColumn() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("t.csv", "sample,A,B\ns1,1,2\ns2,3,high\n")));
        assertThat(e.getMessage()).isEqualTo("t.csv, line 3, column 3: \"high\" is not a number (text in a numeric "
                + "cell)");
    }

    @Test
    void infinityIsRefusedWithItsPosition() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("i.tsv", "sample\tA\tB\ns1\t1\t-Inf\n")));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).contains("infinite value \"-Inf\"");
    }

    @Test
    void duplicateSampleIdNamesTheSecondLine() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("d.csv", "sample,A,B\ns1,1,2\ns2,3,4\ns1,5,6\n")));
        assertThat(e.getMessage()).startsWith("d.csv, line 4, column 1: duplicate sample id \"s1\"")
                .contains("first seen on line 2");
    }

    @Test
    void duplicateGeneNameInHeaderNamesTheColumn() throws IOException {
        DataFormatException e = failure(LoadRequest.of(write("g.csv", "sample,A,B,A\ns1,1,2,3\ns2,3,4,5\n")));
        assertThat(e.getMessage()).startsWith("g.csv, line 1, column 4: duplicate gene name \"A\"");
    }

    @Test
    void duplicateGeneNameInANamesFile() throws IOException {
        Path matrix = write("m.txt", "1\t2\n3\t4\n5\t6\n");
        Path genes = write("genes.txt", "A\nB\nA\n");
        DataFormatException e = failure(LoadRequest.builder(matrix).geneNames(genes).build());
        assertThat(e.getMessage()).startsWith("genes.txt, line 3: duplicate gene name \"A\"");
    }

    @Test
    void truncatedGzip() throws IOException {
        Path whole = dir.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            StringBuilder text = new StringBuilder("sample,A,B\n");
            for (int i = 0; i < 5000; i++) {
                text.append('s').append(i).append(',').append(i % 7).append(".25,").append(i % 3).append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        DataFormatException e = failure(LoadRequest.of(cut));
        assertThat(e.getMessage()).startsWith("cut.csv.gz, line ").contains("truncated");
    }

    @Test
    void matrixMarketWhoseSizeDisagreesWithItsNameFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tenx"));
        Files.writeString(folder.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n"
                + "% comment\n3 2 1\n1 1 5\n");
        Files.writeString(folder.resolve("features.tsv"), "ENSG1\tA\nENSG2\tB\n");
        Files.writeString(folder.resolve("barcodes.tsv"), "AAAC-1\nAAAG-1\n");
        DataFormatException e = failure(LoadRequest.of(folder));
        assertThat(e.getMessage()).startsWith("matrix.mtx, line 3: the matrix is 3 genes × 2 cells, but features.tsv "
                + "lists 2 genes");
    }

    @Test
    void h5adWithoutX() throws IOException {
        Path file = dir.resolve("nox.h5ad");
        try (io.jhdf.WritableHdfFile hdf = io.jhdf.HdfFile.write(file)) {
            hdf.putGroup("obs").putDataset("_index", new String[] {"c1"});
        }
        DataFormatException e = failure(LoadRequest.of(file));
        assertThat(e.getMessage()).isEqualTo("nox.h5ad: the AnnData file has no X matrix (the expression values)");
    }

    @Test
    void metadataThatMatchesNoSample() throws IOException {
        Path csv = write("m.csv", "sample,A\ns1,1\ns2,2\n");
        Path meta = write("meta.csv", "id,day\nx1,0\nx2,1\n");
        DataFormatException e = failure(LoadRequest.builder(csv).metadata(meta).build());
        assertThat(e.getMessage()).startsWith("meta.csv, column 1: no metadata row matches a sample")
                .contains("\"x1\"").contains("\"s1\"");
    }

    @Test
    void timeColumnThatIsNotNumericIsNamed() throws IOException {
        Path csv = write("m.csv", "sample,time,A\ns1,0,1\ns2,early,2\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
        assertThatThrownBy(() -> MetadataColumns.requireNumeric(data.metadata(), "time", csv))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("m.csv: column \"time\" must hold numbers, but sample \"s2\" has \"early\"");
        assertThatThrownBy(() -> MetadataColumns.requireNumeric(data.metadata(), "day", csv))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("no metadata column \"day\"");
        Path good = write("g.csv", "sample,time,A\ns1,0,1\ns2,12.5,2\n");
        ExpressionData ok = ExpressionLoader.load(LoadRequest.of(good));
        assertThat(MetadataColumns.requireNumeric(ok.metadata(), "time", good)).containsExactly(0, 12.5);
    }

    @Test
    void annotationFileWithTheWrongNumberOfRows() throws IOException {
        Path matrix = write("m.txt", "1\t2\t3\n4\t5\t6\n");
        Path genes = write("genes.txt", "A\nB\n");
        Path times = write("time.txt", "0\t0.1\n12\t0.5\n");
        DataFormatException e = failure(LoadRequest.builder(matrix).geneNames(genes)
                .annotations(times, List.of("hours", "pseudotime")).build());
        assertThat(e.getMessage()).startsWith("time.txt: has 2 rows but the matrix has 3 samples");
    }

    @Test
    void missingFile() {
        DataFormatException e = failure(LoadRequest.of(dir.resolve("nowhere.csv")));
        assertThat(e.getMessage()).startsWith("nowhere.csv: file not found");
    }
}
