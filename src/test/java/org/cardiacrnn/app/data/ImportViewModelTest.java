package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.Orientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

    @TempDir
    Path folder;

    private ImportViewModel read(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        ImportViewModel form = new ImportViewModel(file, new CurrentThreadTaskExecutor());
        form.readPreview();
        return form;
    }

    @Test
    void roleChoicesAreTheHeaderAsTheLoaderReadsIt() throws IOException {
        assertThat(read("quoted.csv", "sample_id,donor,\"day, sampled\",GENE1\nS1,d1,0,1.5\n").roleChoices())
                .containsExactly("sample_id", "donor", "day, sampled", "GENE1");
        assertThat(read("genes.tsv", "gene\tS1\tS2\nG1\t1\t2\n").roleChoices()).containsExactly("gene", "S1", "S2");
        String genes = java.util.stream.IntStream.range(0, 100).mapToObj(g -> "G" + g)
                .collect(java.util.stream.Collectors.joining(";"));
        assertThat(read("wide.csv", "id;" + genes + "\nS1;" + "1;".repeat(99) + "1\n").roleChoices())
                .hasSize(ImportViewModel.MAX_ROLE_CHOICES).startsWith("id");
    }

    @Test
    void aHeaderlessFileOffersOnlyTheNamesGivenToTheAnnotations() throws IOException {
        ImportViewModel form = read("data.txt", "0\t0\t0\t1.5\t2\n1\t0\t2\t1\t2\n");
        assertThat(form.roleChoices()).isEmpty();
        form.annotationNamesProperty().set("hours, pseudotime");
        assertThat(form.roleChoices()).containsExactly("hours", "pseudotime");
        assertThat(ImportViewModel.roleChoices(List.of("sample_id", "hours"), "hours"))
                .containsExactly("hours", "sample_id");
    }

    @Test
    void previewShowsTheFirstLinesOrTheError() throws IOException {
        assertThat(read("counts.csv", "sample_id,G1\nS1,1\n").previewProperty().get()).startsWith("sample_id,G1\nS1");
        ImportViewModel missing = new ImportViewModel(folder.resolve("missing.csv"), new CurrentThreadTaskExecutor());
        missing.readPreview();
        assertThat(missing.previewProperty().get()).contains("missing.csv");
    }

    @Test
    void theFieldsBecomeTheLoadRequestAndBlankOnesMeanDetect() throws IOException {
        ImportViewModel form = read("counts.csv", "sample_id,G1\nS1,1\n");
        form.orientationProperty().set(ImportViewModel.OrientationChoice.GENES_BY_SAMPLES.ordinal());
        form.annotationsProperty().set(folder.resolve("time.txt").toString());
        form.annotationNamesProperty().set("hours,  pseudotime ,");
        form.sampleIdColumnProperty().set("  ");
        form.timeProperty().set(" hours ");
        ImportViewModel.Choice choice = form.accept();
        assertThat(choice.request().orientation()).isEqualTo(Orientation.GENES_BY_SAMPLES);
        assertThat(choice.request().annotationNames()).containsExactly("hours", "pseudotime");
        assertThat(choice.request().sampleIdColumn()).isNull();
        assertThat(choice.request().metadata()).isNull();
        assertThat(choice.roles().time()).isEqualTo("hours");
        assertThat(choice.roles().label()).isNull();
    }

    @Test
    void aFailedLoadKeepsTheFieldsAndSaysWhichFieldToUseInTheDialogsWords() throws IOException {
        Path matrix = folder.resolve("counts.csv");
        Files.writeString(matrix, "sample_id,G1,G2\nS1,1,2\nS2,3,4\nS3,5,6\n");
        Path headerless = folder.resolve("time.txt");
        Files.writeString(headerless, "0\t0.1\n12\t0.5\n24\t0.9\n");
        DataViewModel data = new DataViewModel(new WorkbenchSession(), new CurrentThreadTaskExecutor(),
                RecentFiles.inMemory(), folder.resolve("samples"));
        ImportViewModel form = data.importer(matrix);
        form.metadataProperty().set(headerless.toString());
        form.timeProperty().set("day");

        ImportViewModel.Choice choice = form.accept();
        data.open(choice.request(), choice.roles(), form::loadFailed);

        String error = form.errorProperty().get();
        assertThat(error).contains("time.txt").contains("“Sample id column”").contains("“Per-sample annotations")
                .doesNotContain("--");
        assertThat(data.errorProperty().get()).as("the form shows it, not a second dialog").isNull();
        ImportViewModel again = data.importer(matrix);
        assertThat(again.metadataProperty().get()).isEqualTo(headerless.toString());
        assertThat(again.timeProperty().get()).isEqualTo("day");
        assertThat(again.errorProperty().get()).isEqualTo(error);
        again.accept();
        assertThat(again.errorProperty().get()).as("a new attempt forgets the old error").isEmpty();
        assertThat(data.importer(folder.resolve("other.csv")).metadataProperty().get()).isEmpty();
    }

    @Test
    void errorsWithoutARemedyAreShownAsTheEngineWroteThem() {
        UserError error = UserError.of("t", new org.cardiacrnn.data.DataFormatException(folder.resolve("x.csv"),
                3, 2, "\"abc\" is not a number"));
        assertThat(error.message()).isEqualTo("x.csv, line 3, column 2: \"abc\" is not a number");
    }
}
