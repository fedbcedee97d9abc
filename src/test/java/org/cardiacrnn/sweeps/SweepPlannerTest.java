package org.cardiacrnn.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SweepPlannerTest {

    private static SweepSpec spec(SweepSpec.Strategy strategy, int trials, long seed, ParameterSpace... parameters) {
        return new SweepSpec("test", "quick", Map.of(), List.of(parameters), strategy, trials, seed,
                Objective.VALIDATION_ACCURACY, 1, null).validated("test");
    }

    @Test
    void gridVisitsEveryCombinationOnceWithLogSpacedRanges() {
        SweepSpec spec = spec(SweepSpec.Strategy.GRID, 0, 1,
                ParameterSpace.range("learningRate", 1e-4, 1e-2, 3, ParameterSpace.Scale.LOG),
                ParameterSpace.of("hiddenUnits", "16", "32"));
        List<Trial> plan = new SweepPlanner(spec).plan();
        assertThat(spec.plannedTrials()).isEqualTo(6);
        assertThat(plan).hasSize(6);
        assertThat(plan).extracting(Trial::values).doesNotHaveDuplicates();
        assertThat(plan).extracting(t -> t.values().get("learningRate")).containsOnly("0.0001", "0.001", "0.01");
        assertThat(plan.get(0).values()).containsExactly(Map.entry("learningRate", "0.0001"),
                Map.entry("hiddenUnits", "16"));
        assertThat(plan).extracting(Trial::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(plan).allMatch(t -> t.state() == Trial.TrialState.PENDING);
    }

    @Test
    void valuesAreWrittenAsAPersonWouldWriteThem() {
        assertThat(ParameterSpace.text(0.0017320508, false)).isEqualTo("0.001732");
        assertThat(ParameterSpace.text(0.5, false)).isEqualTo("0.5");
        assertThat(ParameterSpace.text(3.0e-6, false)).isEqualTo("0.000003");
        assertThat(ParameterSpace.text(256.4, true)).isEqualTo("256");
    }

    @Test
    void integerRangesAreRoundedAndDuplicatePointsDropped() {
        ParameterSpace units = ParameterSpace.range("hiddenUnits", 8, 10, 5, ParameterSpace.Scale.LINEAR);
        assertThat(units.gridValues(SweepSpec.isInteger("hiddenUnits"))).containsExactly("8", "9", "10");
    }

    @Test
    void randomSearchHonoursTheBudgetStaysInBoundsAndRepeatsWithTheSameSeed() {
        ParameterSpace rate = ParameterSpace.range("learningRate", 1e-4, 1e-1, null, ParameterSpace.Scale.LOG);
        ParameterSpace dropout = ParameterSpace.range("dropout", 0.0, 0.5, null, ParameterSpace.Scale.LINEAR);
        ParameterSpace cell = ParameterSpace.of("cell", "LSTM", "SIMPLE_RNN");
        List<Trial> first = new SweepPlanner(spec(SweepSpec.Strategy.RANDOM, 40, 7, rate, dropout, cell)).plan();
        List<Trial> again = new SweepPlanner(spec(SweepSpec.Strategy.RANDOM, 40, 7, rate, dropout, cell)).plan();
        List<Trial> otherSeed = new SweepPlanner(spec(SweepSpec.Strategy.RANDOM, 40, 8, rate, dropout, cell)).plan();

        assertThat(first).hasSize(40);
        assertThat(again).extracting(Trial::values).isEqualTo(first.stream().map(Trial::values).toList());
        assertThat(otherSeed).extracting(Trial::values).isNotEqualTo(first.stream().map(Trial::values).toList());
        for (Trial trial : first) {
            assertThat(Double.parseDouble(trial.values().get("learningRate"))).isBetween(1e-4, 1e-1);
            assertThat(Double.parseDouble(trial.values().get("dropout"))).isBetween(0.0, 0.5);
            assertThat(trial.values().get("cell")).isIn("LSTM", "SIMPLE_RNN");
        }
        // Log-uniform: about a third of the draws in each decade, not 90 % in the top one as a uniform draw gives.
        long lowestDecade = first.stream().filter(t -> Double.parseDouble(t.values().get("learningRate")) < 1e-3)
                .count();
        assertThat(lowestDecade).isBetween(5L, 25L);
        assertThat(first).extracting(t -> t.values().get("cell")).contains("LSTM", "SIMPLE_RNN");
    }

    @Test
    void treeParzenSearchStartsRandomlyThenConcentratesWhereTrialsWereGood() {
        ParameterSpace rate = ParameterSpace.range("learningRate", 1e-5, 1e-1, null, ParameterSpace.Scale.LOG);
        SweepSpec spec = spec(SweepSpec.Strategy.TPE, 30, 3, rate);
        SweepPlanner planner = new SweepPlanner(spec);
        List<Trial> trials = new ArrayList<>(planner.plan());
        assertThat(trials).allMatch(t -> t.values().isEmpty());
        // The objective peaks at learningRate 1e-3 (position 0.5 of the log range).
        for (int i = 0; i < 30; i++) {
            Trial next = trials.get(i);
            Map<String, String> values = planner.choose(next, trials);
            double position = rate.position(Double.parseDouble(values.get("learningRate")));
            trials.set(i, new Trial(next.number(), values, Trial.TrialState.FINISHED, List.of(),
                    1 - Math.abs(position - 0.5), List.of(), 1, 1, null));
        }
        double startupError = trials.subList(0, 10).stream().mapToDouble(t -> 1 - t.objective()).average()
                .orElseThrow();
        double modelError = trials.subList(20, 30).stream().mapToDouble(t -> 1 - t.objective()).average()
                .orElseThrow();
        assertThat(modelError).isLessThan(startupError / 2);
        // Same results and seed: the same proposal.
        Trial fresh = Trial.pending(31, Map.of());
        assertThat(planner.choose(fresh, trials)).isEqualTo(new SweepPlanner(spec).choose(fresh, trials));
    }

    @Test
    void treeParzenSearchFavoursTheChoiceOfAListThatScoredBest() {
        ParameterSpace pooling = ParameterSpace.of("pooling", "MEAN", "MAX", "LAST");
        SweepSpec spec = spec(SweepSpec.Strategy.TPE, 30, 5, pooling);
        SweepPlanner planner = new SweepPlanner(spec);
        List<Trial> trials = new ArrayList<>(planner.plan());
        // MAX scores 0.9, the others 0.3: after the random start the model should keep proposing MAX.
        for (int i = 0; i < 30; i++) {
            Trial next = trials.get(i);
            Map<String, String> values = planner.choose(next, trials);
            assertThat(values.get("pooling")).isIn("MEAN", "MAX", "LAST");
            trials.set(i, new Trial(next.number(), values, Trial.TrialState.FINISHED, List.of(),
                    values.get("pooling").equals("MAX") ? 0.9 : 0.3, List.of(), 1, 1, null));
        }
        long maxAfterStartup = trials.subList(15, 30).stream().filter(t -> t.values().get("pooling").equals("MAX"))
                .count();
        assertThat(maxAfterStartup).isGreaterThanOrEqualTo(12);
    }
}
