package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.evaluation.BaselineComparison;
import org.cardiacrnn.evaluation.ConfidenceInterval;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesViewModelTest {

    @TempDir
    Path home;

    @Test
    void theCurrentRunShowsTheNetworkBesideItsBaselinesInWords() {
        RunStore store = new RunStore(home);
        RunFolder folder = store.create("run", "quick", Map.of());
        EvaluationReport report = Evaluator.fromPredictions(new int[] {0, 1, 1},
                new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}}, List.of("a", "b"));
        BaselineComparison comparison = new BaselineComparison(2.0 / 3, List.of(new BaselineComparison.Baseline(
                "logistic regression on window summaries", "mean, last, slope", 1.0 / 3,
                new ConfidenceInterval(0, 1, 0.95, 1000, 42), 0.25, 0.5, 1.0 / 3,
                new ConfidenceInterval(-0.333, 1, 0.95, 1000, 42), "The interval includes 0.")),
                "The interval includes 0.");
        folder.writeEvaluation(report, comparison);
        assertThat(folder.readEvaluation().accuracy()).as("the report reads back beside the comparison")
                .isEqualTo(report.accuracy());

        WorkbenchSession session = new WorkbenchSession();
        BaselinesViewModel viewModel = new BaselinesViewModel(session, new CurrentThreadTaskExecutor(), store);
        session.currentRunProperty().set(new RunResult(folder.id(), "run", folder.directory(), report, List.of(),
                null));

        assertThat(viewModel.summaryProperty().get()).isEqualTo("The interval includes 0.");
        assertThat(viewModel.rows()).extracting(BaselinesViewModel.Row::accuracy).containsExactly("66.7 %", "33.3 %");
        assertThat(viewModel.rows().get(1).margin()).isEqualTo("+33.3 (-33.3 to +100.0)");
    }
}
