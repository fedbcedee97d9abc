package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged HDF5 headers that claim more bytes than the file holds (fuzzing findings that made jHDF allocate and
 * re-read for seconds) fail at the first read past the end, whichever way the file is opened; intact files read
 * the same either way.
 */
class HdfFilesTest {

    @TempDir
    Path dir;

    private static Path corpus(String name) throws URISyntaxException {
        return Path.of(HdfFilesTest.class.getResource("/org/cardiacrnn/fuzz/InputFuzzTestInputs/h5ad/" + name)
                .toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"crash-2c33b1eccacab0dcbc4a012aab032103e0f741ca",
        "crash-31e9754b4019d104d684b562db3e3179bc0bcf2b", "crash-5369b3183f755284cb76b048230f92ef7f53bf69",
        "crash-54850bb9393280a7cfaad454c59de2cdc53f596f"})
    void anOversizedHeaderStopsAtTheEndOfTheFileThroughTheChannel(String finding) throws Exception {
        Path file = corpus(finding);
        HdfFile hdf = HdfFiles.open(file, 0);
        try {
            assertThatThrownBy(() -> walk(hdf, new ArrayList<>()))
                    .hasStackTraceContaining("bytes at offset")
                    .hasStackTraceContaining("but it has only " + Files.size(file) + " bytes");
        } finally {
            HdfFiles.close(hdf);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"crash-2c33b1eccacab0dcbc4a012aab032103e0f741ca",
        "crash-31e9754b4019d104d684b562db3e3179bc0bcf2b", "crash-5369b3183f755284cb76b048230f92ef7f53bf69",
        "crash-54850bb9393280a7cfaad454c59de2cdc53f596f"})
    void anOversizedHeaderIsTheProductsOwnErrorNamingTheFile(String finding) throws Exception {
        Path file = corpus(finding);
        assertThatThrownBy(() -> ExpressionLoader.load(LoadRequest.of(file)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(finding + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anIntactFileReadsTheSameMappedAndThroughTheChannel() throws Exception {
        Path file = SingleCellReadersTest.fixture("anndata/csr-gzip.h5ad");
        List<String> mapped = new ArrayList<>();
        List<String> channel = new ArrayList<>();
        HdfFile inMemory = HdfFiles.open(file);
        walk(inMemory, mapped);
        HdfFiles.close(inMemory);
        HdfFile fromChannel = HdfFiles.open(file, 0);
        walk(fromChannel, channel);
        HdfFiles.close(fromChannel);
        assertThat(fromChannel.getHdfBackingStorage().getFileChannel().isOpen()).isFalse();
        assertThat(mapped).contains("/X/data").anyMatch(line -> line.startsWith("/obs/_index=["));
        assertThat(channel).isEqualTo(mapped);
    }

    @Test
    void theChannelReadsInsideTheFileAndRefusesPastItsEndOrAnyWrite() throws IOException {
        Path file = Files.write(dir.resolve("ten.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        try (FileChannel channel = new BoundedFileChannel(FileChannel.open(file, StandardOpenOption.READ))) {
            ByteBuffer four = ByteBuffer.allocate(4);
            assertThat(channel.read(four, 6)).isEqualTo(4);
            assertThat(four.array()).containsExactly(6, 7, 8, 9);
            assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(5), 6))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the file claims 5 bytes at offset 6, but it has only 10 bytes");
            assertThatThrownBy(() -> channel.map(FileChannel.MapMode.READ_ONLY, 8, 1L << 40))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1), -1)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1), 0))
                    .isInstanceOf(NonWritableChannelException.class);
        }
    }

    /** Reads every group, dataset and attribute, as a line each, the way a reader would touch them. */
    private static void walk(Node node, List<String> lines) {
        for (Attribute attribute : node.getAttributes().values()) {
            lines.add(node.getPath() + "@" + attribute.getName() + "=" + text(attribute.getData()));
        }
        if (node instanceof Group group) {
            for (Node child : group.getChildren().values()) {
                walk(child, lines);
            }
        } else if (node instanceof Dataset dataset) {
            lines.add(dataset.getPath());
            lines.add(dataset.getPath() + "=" + text(dataset.getData()));
        }
    }

    private static String text(Object data) {
        if (data == null || !data.getClass().isArray()) {
            return String.valueOf(data);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(data); i++) {
            values.add(text(java.lang.reflect.Array.get(data, i)));
        }
        return values.toString();
    }
}
