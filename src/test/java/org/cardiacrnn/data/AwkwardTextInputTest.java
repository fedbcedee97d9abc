package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text matrices as they arrive from other tools: through a pipe or standard input (gzip too), with CR-only line
 * ends, with quoted decimal commas, in another encoding, or not text at all.
 */
class AwkwardTextInputTest {

    private static final String TABLE = "sample,stage,g1,g2\ns1,a,1,2\ns2,b,3,4\ns3,a,5,6\n";

    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void assertTable(ExpressionData data) {
        assertThat(data.matrix().sampleIds()).containsExactly("s1", "s2", "s3");
        assertThat(data.matrix().sampleRow(2)).containsExactly(5f, 6f);
        assertThat(data.metadata().column("stage").values()).containsExactly("a", "b", "a");
    }

    @Test
    void standardInputIsReadAsAMatrixGzipIncluded() throws IOException {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
            ExpressionData plain = ExpressionLoader.load(LoadRequest.of(Path.of("-")));
            assertTable(plain);
            assertThat(plain.report().source()).isEqualTo("-");
            System.setIn(new ByteArrayInputStream(gzip(TABLE)));
            assertTable(ExpressionLoader.load(LoadRequest.of(Path.of("-"))));
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aNamedPipeIsReadOnce() throws Exception {
        Path fifo = dir.resolve("matrix.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, gzip(TABLE));
            } catch (IOException ignored) {
                // The assertion below fails if nothing arrived.
            }
        });
        writer.start();
        assertTable(ExpressionLoader.load(LoadRequest.of(fifo)));
        writer.join(5000);
    }

    @Test
    void crOnlyLineEndsAreLineEnds() throws IOException {
        Path file = Files.writeString(dir.resolve("mac.csv"), TABLE.replace('\n', '\r'));
        assertTable(ExpressionLoader.load(LoadRequest.of(file)));
    }

    @Test
    void aQuotedDecimalCommaInACommaCsvIsANumber() throws IOException {
        Path file = Files.writeString(dir.resolve("excel.csv"),
                "sample,stage,g1,g2\ns1,a,\"1,5\",2\ns2,b,3,\"4,25\"\ns3,a,5,\"6\"\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(file));
        assertThat(data.matrix().sampleRow(0)).containsExactly(1.5f, 2f);
        assertThat(data.matrix().sampleRow(1)).containsExactly(3f, 4.25f);
        assertThat(data.matrix().sampleRow(2)).containsExactly(5f, 6f);
    }

    @Test
    void binaryInputIsNotATextMatrixAndNoneOfItsBytesAreEchoed() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(1).nextBytes(garbage);
        garbage[10] = 0;
        garbage[11] = 0x1b;
        Path file = Files.write(dir.resolve("photo.csv"), garbage);
        assertThatThrownBy(() -> ExpressionLoader.load(LoadRequest.of(file))).isInstanceOf(DataFormatException.class)
                .hasMessage("photo.csv: not a text matrix: it holds binary data (expected CSV or TSV text, gzip "
                        + "allowed, a 10x folder or an .h5ad file)");
    }

    @Test
    void textThatIsNotUtf8IsAnErrorNamingTheLine() throws IOException {
        byte[] latin1 = "sample,stage,g1,g2\ns1,atrial_cm\u00e9,1,2\ns2,b,3,4\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("windows.csv"), latin1);
        assertThatThrownBy(() -> ExpressionLoader.load(LoadRequest.of(file))).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("windows.csv, line 2: this line is not UTF-8 text")
                .hasMessageContaining("save it as UTF-8");
        Path metadata = Files.write(dir.resolve("meta.csv"),
                "sample,donor\ns1,d\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path matrix = Files.writeString(dir.resolve("m.csv"), TABLE);
        assertThatThrownBy(() -> ExpressionLoader.load(LoadRequest.builder(matrix).metadata(metadata).build()))
                .hasMessageStartingWith("meta.csv, line 2: this line is not UTF-8 text");
    }
}
