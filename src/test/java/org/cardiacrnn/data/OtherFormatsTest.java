package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** 10x Matrix Market folders and AnnData .h5ad files (fixtures written here, with jHDF's own writer). */
class OtherFormatsTest {

    @TempDir
    Path dir;

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void tenxFolderBecomesDenseCellsByGenes() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("filtered_feature_bc_matrix"));
        gzip(folder.resolve("matrix.mtx.gz"), "%%MatrixMarket matrix coordinate integer general\n"
                + "%metadata_json: {}\n3 2 3\n1 1 5\n3 1 2\n2 2 7\n");
        gzip(folder.resolve("features.tsv.gz"), "ENSG01\tGATA4\tGene Expression\nENSG02\tTNNT2\tGene Expression\n"
                + "ENSG03\tGATA4\tGene Expression\n");
        gzip(folder.resolve("barcodes.tsv.gz"), "AAAC-1\nTTTG-1\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(folder));
        assertThat(data.matrix().sampleIds()).containsExactly("AAAC-1", "TTTG-1");
        assertThat(data.matrix().geneNames()).containsExactly("GATA4|ENSG01", "TNNT2", "GATA4|ENSG03");
        assertThat(data.matrix().sampleRow(0)).containsExactly(5f, 0f, 2f);
        assertThat(data.matrix().sampleRow(1)).containsExactly(0f, 7f, 0f);
        assertThat(data.report().warnings()).anyMatch(w -> w.contains("more than once"));
    }

    @Test
    void oldTenxGenesFileAndPlainFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("old"));
        Files.writeString(folder.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 "
                + "2.5\n");
        Files.writeString(folder.resolve("genes.tsv"), "ENSG01\tNPPA\n");
        Files.writeString(folder.resolve("barcodes.tsv"), "c1\n");
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(folder));
        assertThat(data.matrix().geneNames()).containsExactly("NPPA");
        assertThat(data.matrix().get(0, 0)).isEqualTo(2.5f);
    }

    @Test
    void denseH5adWithOldStyleCategoricalsAndNumbers() throws IOException {
        Path file = dir.resolve("dense.h5ad");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("X", new float[][] {{1, 2, 3}, {4, 5, 6}});
            WritableGroup obs = hdf.putGroup("obs");
            obs.putAttribute("_index", "_index");
            obs.putAttribute("column-order", new String[] {"lineage", "day"});
            obs.putDataset("_index", new String[] {"c1", "c2"});
            obs.putDataset("lineage", new byte[] {1, 0});
            obs.putDataset("day", new double[] {0, 15});
            obs.putGroup("__categories").putDataset("lineage", new String[] {"atrial", "ventricular"});
            WritableGroup var = hdf.putGroup("var");
            var.putAttribute("_index", "_index");
            var.putDataset("_index", new String[] {"MYH6", "MYL7", "NPPA"});
        }
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(file));
        assertThat(data.matrix().sampleIds()).containsExactly("c1", "c2");
        assertThat(data.matrix().geneNames()).containsExactly("MYH6", "MYL7", "NPPA");
        assertThat(data.matrix().sampleRow(1)).containsExactly(4f, 5f, 6f);
        assertThat(data.metadata().column("lineage").values()).containsExactly("ventricular", "atrial");
        assertThat(data.metadata().column("day").numbers()).containsExactly(0, 15);
        assertThat(data.report().format()).contains("dense");
    }

    @Test
    void csrH5adWithNewStyleCategoricalGroup() throws IOException {
        Path file = dir.resolve("sparse.h5ad");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup x = hdf.putGroup("X");
            x.putAttribute("encoding-type", "csr_matrix");
            x.putDataset("data", new float[] {7, 8, 9});
            x.putDataset("indices", new int[] {0, 2, 1});
            x.putDataset("indptr", new int[] {0, 2, 2, 3});
            WritableGroup obs = hdf.putGroup("obs");
            obs.putAttribute("_index", "cell");
            obs.putDataset("cell", new String[] {"a", "b", "c"});
            WritableGroup donor = obs.putGroup("donor");
            donor.putAttribute("encoding-type", "categorical");
            donor.putDataset("codes", new byte[] {0, 1, -1});
            donor.putDataset("categories", new String[] {"d1", "d2"});
            WritableGroup var = hdf.putGroup("var");
            var.putDataset("_index", new String[] {"G1", "G2", "G3"});
        }
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(file));
        assertThat(data.matrix().sampleRow(0)).containsExactly(7f, 0f, 8f);
        assertThat(data.matrix().sampleRow(1)).containsExactly(0f, 0f, 0f);
        assertThat(data.matrix().sampleRow(2)).containsExactly(0f, 9f, 0f);
        assertThat(data.metadata().column("donor").values()).containsExactly("d1", "d2", "");
        assertThat(data.report().format()).contains("sparse");
    }
}
