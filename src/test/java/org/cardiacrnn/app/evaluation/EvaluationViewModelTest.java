package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;

class EvaluationViewModelTest {

    private static final List<String> CLASSES = List.of("atrial", "ventricular");

    /** Four sequences of 3 features × 2 steps; sequence 1 (atrial) is predicted ventricular. */
    private static RunResult run() {
        return run(Path.of("runs/r1"));
    }

    private static RunResult run(Path directory) {
        int[] labels = {0, 0, 1, 1};
        float[] features = new float[4 * 3 * 2];
        for (int i = 0; i < features.length; i++) {
            features[i] = i % 7;
        }
        SequenceDataset test = new SequenceDataset(features, 4, 3, 2, null, labels, CLASSES,
                List.of("donor1", "donor2", "donor1", "donor2"), new int[][] {{0}, {1}, {2}, {3}},
                List.of("NKX2-5", "TNNT2", "MYL7"));
        float[][] probabilities = {{0.9f, 0.1f}, {0.3f, 0.7f}, {0.2f, 0.8f}, {0.1f, 0.9f}};
        EvaluationReport report = Evaluator.fromPredictions(labels, probabilities, CLASSES);
        return new RunResult("r1", "run", directory, report, List.of(), test);
    }

    @Test
    void noRunMeansNoHeadlineAndNoRows() {
        EvaluationViewModel viewModel = new EvaluationViewModel(new WorkbenchSession(),
                new CurrentThreadTaskExecutor());
        assertThat(viewModel.headlineProperty().get()).isEmpty();
        assertThat(viewModel.classRows()).isEmpty();
    }

    @Test
    void aRunFillsTheHeadlineAndThePerClassTableWithAverages() {
        WorkbenchSession session = new WorkbenchSession();
        EvaluationViewModel viewModel = new EvaluationViewModel(session, new CurrentThreadTaskExecutor());
        session.currentRunProperty().set(run());

        assertThat(viewModel.headlineProperty().get()).contains("75.0 %").contains("4 sequences");
        assertThat(viewModel.classRows()).extracting(EvaluationViewModel.ClassRow::name)
                .containsExactly("atrial", "ventricular", "Macro average", "Weighted average");
        // atrial: 1 of 2 recalled, precision 1; ventricular: recall 1, precision 2/3.
        assertThat(viewModel.classRows().get(0).recall()).isEqualTo(0.5);
        assertThat(viewModel.classRows().get(1).precision()).isCloseTo(2.0 / 3,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void selectingACellListsItsSequencesAndShowsTheFirstAsAHeatmap() {
        WorkbenchSession session = new WorkbenchSession();
        EvaluationViewModel viewModel = new EvaluationViewModel(session, new CurrentThreadTaskExecutor());
        session.currentRunProperty().set(run());

        viewModel.selectCell(0, 1);

        assertThat(viewModel.cellDescriptionProperty().get()).startsWith("1 sequences of class atrial");
        assertThat(viewModel.cellSequences()).extracting(EvaluationViewModel.SequenceRow::index).containsExactly(1);
        org.cardiacrnn.app.common.SequenceHeat heat = viewModel.selectedSequenceProperty().get();
        assertThat(heat.values()).hasNumberOfRows(3);
        assertThat(heat.timeLabels()).containsExactly("1", "2");
        assertThat(heat.title()).contains("donor2");

        viewModel.selectCell(1, 0);
        assertThat(viewModel.cellSequences()).isEmpty();
        assertThat(viewModel.selectedSequenceProperty().get()).isNull();
    }

    @Test
    void exportAllFiguresWritesEveryFigureIntoTheChosenFolderAndSuggestsItNextTime(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        WorkbenchSession session = new WorkbenchSession();
        EvaluationViewModel viewModel = new EvaluationViewModel(session, new CurrentThreadTaskExecutor());
        session.currentRunProperty().set(run(folder));
        assertThat(viewModel.suggestedExportFolder()).isEqualTo(folder.resolve("figures"));
        Path chosen = folder.resolve("paper");

        viewModel.exportAllFigures(chosen);

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(chosen.resolve("confusion-matrix.pdf")).exists();
        assertThat(chosen.resolve("roc.svg")).exists();
        assertThat(chosen.resolve("reliability.csv")).exists();
        assertThat(folder.resolve("figures")).doesNotExist();
        assertThat(viewModel.exportMessageProperty().get()).contains("files written to");
        assertThat(viewModel.suggestedExportFolder()).isEqualTo(chosen);

        java.nio.file.Files.writeString(chosen.resolve("roc.csv"), "the author's own table");
        viewModel.exportAllFigures(chosen);
        assertThat(viewModel.replaceQuestionProperty().get()).isNotNull();
        assertThat(viewModel.replaceQuestionProperty().get().files()).isGreaterThan(1);
        assertThat(chosen.resolve("roc.csv")).hasContent("the author's own table");
        viewModel.exportAllFigures(chosen, true);
        assertThat(viewModel.replaceQuestionProperty().get()).isNull();
        assertThat(chosen.resolve("roc.csv")).content().isNotEqualTo("the author's own table");
        RunResult shown = session.currentRunProperty().get();
        assertThat(viewModel.shownRunProperty().get()).contains(shown.name()).contains(shown.runId());
    }
}
