package org.cardiacrnn.app.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.sweeps.Objective;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.Trial;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweepPlotsTest {

    private final ReadOnlyObjectWrapper<SweepSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Trial> trials = FXCollections.observableArrayList();
    private final SimpleIntegerProperty revision = new SimpleIntegerProperty();
    private SweepPlots plots;

    private static SweepSpec sweep(ParameterSpace... parameters) {
        return new SweepSpec("s", "quick", Map.of(), List.of(parameters), SweepSpec.Strategy.GRID, 0, 1,
                Objective.VALIDATION_ACCURACY, 1, null);
    }

    private static Trial finished(int number, String rate, String units, double accuracy, Double... curve) {
        return new Trial(number, Map.of("learningRate", rate, "hiddenUnits", units), Trial.TrialState.FINISHED,
                List.of(), accuracy, List.of(List.of(curve)), curve.length, 1, null);
    }

    @BeforeEach
    void setUp() {
        plots = new SweepPlots(spec.getReadOnlyProperty(), trials, revision);
    }

    @Test
    void nothingIsDrawnUntilASweepIsShown() {
        trials.add(finished(1, "0.001", "16", 0.7, 0.5, 0.7));
        revision.set(1);

        assertThat(plots.parallelProperty().get()).isNull();
        assertThat(plots.scatterProperty().get()).isNull();
        assertThat(plots.curvesProperty().get()).isNull();
        assertThat(plots.scatterParameters()).isEmpty();
    }

    @Test
    void aShownSweepOffersItsParametersAndDrawsEveryTrialWithAResult() {
        trials.setAll(finished(1, "0.001", "16", 0.7, 0.5, 0.7), finished(2, "0.01", "32", 0.8, 0.6, 0.8),
                Trial.pending(3, Map.of("learningRate", "0.1", "hiddenUnits", "16")));
        spec.set(sweep(ParameterSpace.range("learningRate", 0.001, 0.1, 3, ParameterSpace.Scale.LOG),
                ParameterSpace.of("hiddenUnits", "16", "32")));

        assertThat(plots.scatterParameters()).containsExactly("learningRate", "hiddenUnits");
        assertThat(plots.scatterParameterProperty().get()).isEqualTo("learningRate");
        assertThat(plots.parallelAxes()).containsExactly("learningRate", "hiddenUnits", "Validation accuracy");
        assertThat(plots.parallelRows()).hasSize(2);
        assertThat(plots.parallelProperty().get().data().rows()).isNotEmpty();
        assertThat(plots.logScale("learningRate")).isTrue();
        assertThat(plots.logScale("hiddenUnits")).isFalse();
        assertThat(plots.scatter("learningRate")[0]).containsExactly(0.001, 0.01);
        assertThat(plots.scatter("learningRate")[1]).containsExactly(0.7, 0.8);
        assertThat(plots.scatterProperty().get()).isNotNull();
        assertThat(plots.curves(List.of())).hasSize(2);
        assertThat(plots.curvesProperty().get()).isNotNull();
    }

    @Test
    void choosingAnotherParameterOrSelectingTrialsRedrawsThatPlot() {
        trials.setAll(finished(1, "0.001", "16", 0.7, 0.5, 0.7), finished(2, "0.01", "32", 0.8, 0.6, 0.8));
        spec.set(sweep(ParameterSpace.of("learningRate", "0.001", "0.01"), ParameterSpace.of("hiddenUnits", "16",
                "32")));
        var scatterBefore = plots.scatterProperty().get();
        var curvesBefore = plots.curvesProperty().get();

        plots.scatterParameterProperty().set("hiddenUnits");
        plots.selectedTrials().setAll(trials.get(1));

        assertThat(plots.scatterProperty().get()).isNotSameAs(scatterBefore);
        assertThat(plots.scatterProperty().get().chart().getXYPlot().getDomainAxis().getLabel())
                .isEqualTo("hiddenUnits");
        assertThat(plots.curvesProperty().get()).isNotSameAs(curvesBefore);
        assertThat(plots.curves(List.copyOf(plots.selectedTrials()))).singleElement()
                .satisfies(curve -> assertThat(curve.values()).containsExactly(0.6, 0.8));
    }

    @Test
    void newResultsRedrawThePlotsWithTheLatestCurveOfEachTrial() {
        trials.setAll(finished(1, "0.001", "16", 0.7, 0.5));
        spec.set(sweep(ParameterSpace.of("learningRate", "0.001", "0.01")));
        plots.selectedTrials().setAll(trials.get(0));

        trials.set(0, finished(1, "0.001", "16", 0.75, 0.5, 0.75));
        revision.set(revision.get() + 1);

        assertThat(plots.curves(List.copyOf(plots.selectedTrials()))).singleElement()
                .satisfies(curve -> assertThat(curve.values()).containsExactly(0.5, 0.75));
        assertThat(plots.parallelRows()).singleElement().satisfies(row -> assertThat(row[1]).isEqualTo(0.75));
    }
}
