package org.cardiacrnn.app.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.sweeps.Objective;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepSummary;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.sweeps.TrialWorker;
import org.junit.jupiter.api.Test;

class TrialColumnsTest {

    private static SweepSpec sweep(Objective objective) {
        return new SweepSpec("s", "quick", Map.of(), List.of(ParameterSpace.of("hiddenUnits", "9", "10", "64")),
                SweepSpec.Strategy.GRID, 0, 1, objective, 1, null);
    }

    private static Trial trial(int number, String units, Double objective) {
        return new Trial(number, Map.of("hiddenUnits", units), Trial.TrialState.FINISHED, List.of(), objective,
                List.of(), 2, 12.6, null);
    }

    private static List<String> headers(List<TrialColumns.Column> columns) {
        return columns.stream().map(TrialColumns.Column::header).toList();
    }

    @Test
    void withoutASweepOnlyTrialAndStateAreShown() {
        assertThat(headers(TrialColumns.of(null, List.of()))).containsExactly("Trial", "State");
    }

    @Test
    void aSweepAddsItsParametersTheObjectiveAndTheRunFigures() {
        List<TrialColumns.Column> columns = TrialColumns.of(sweep(Objective.VALIDATION_ACCURACY),
                List.of(trial(1, "10", 0.8125)));

        assertThat(headers(columns)).containsExactly("Trial", "State", "hiddenUnits", "Validation accuracy",
                "Epochs", "Seconds", "Note");
        TrialColumns.Column objective = columns.get(3);
        assertThat(objective.value().apply(trial(1, "10", 0.8125))).hasToString("81.3 %");
        assertThat(objective.value().apply(trial(1, "10", null))).isNull();
        assertThat(objective.descending()).isTrue();
        assertThat(columns.get(5).value().apply(trial(1, "10", 0.8))).isEqualTo(13L);
    }

    @Test
    void aLossObjectiveSortsAscendingAndShowsFourPlaces() {
        TrialColumns.Column objective = TrialColumns.of(sweep(Objective.VALIDATION_LOSS), List.of()).get(3);

        assertThat(objective.descending()).isFalse();
        assertThat(objective.value().apply(trial(1, "10", 0.123456))).hasToString("0.1235");
    }

    @Test
    void parameterValuesSortAsNumbersAndEmptyCellsLast() {
        TrialColumns.Column units = TrialColumns.of(sweep(Objective.VALIDATION_ACCURACY), List.of()).get(2);
        List<Object> cells = new ArrayList<>();
        cells.add(units.value().apply(trial(1, "64", 0.5)));
        cells.add(null);
        cells.add(units.value().apply(trial(2, "9", 0.5)));
        cells.add(units.value().apply(trial(3, "10", 0.5)));

        cells.sort(TrialColumns::order);

        assertThat(cells).extracting(cell -> cell == null ? null : cell.toString())
                .containsExactly("9", "10", "64", null);
    }

    @Test
    void aWorkerColumnAppearsOnlyWhenATrialRanOnAWorker() {
        assertThat(headers(TrialColumns.of(sweep(Objective.VALIDATION_ACCURACY), List.of(trial(1, "9", 0.5)))))
                .doesNotContain("Worker");
        Trial elsewhere = new Trial(2, Map.of("hiddenUnits", "9"), Trial.TrialState.RUNNING, List.of(), null,
                List.of(), 0, 0, null, new TrialWorker("node7", "4711", 99, "t", "2026-12-04T09:00:00Z"), List.of());
        List<TrialColumns.Column> columns = TrialColumns.of(sweep(Objective.VALIDATION_ACCURACY),
                List.of(trial(1, "9", 0.5), elsewhere));
        assertThat(headers(columns)).contains("Worker");
        assertThat(columns.get(2).value().apply(elsewhere)).isEqualTo(elsewhere.worker().describe());
    }

    @Test
    void anEarlierSweepIsSummarisedWithItsBestObjectiveWrittenLikeTheTable() {
        SweepSummary summary = new SweepSummary("s1", "lr-search", SweepSpec.Strategy.GRID,
                Objective.VALIDATION_ACCURACY, 4, 3, 0.8125, "2026-12-04T09:00:00Z");

        assertThat(SweepViewModel.summaryText(summary)).isEqualTo("lr-search: 3/4 trials, best 81.3 % (unfinished)");
    }
}
