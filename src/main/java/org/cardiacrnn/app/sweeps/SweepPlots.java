package org.cardiacrnn.app.sweeps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.RunCurve;
import org.cardiacrnn.figures.SweepCharts;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.Trial;

/**
 * The Sweeps page's three comparison plots, rebuilt here whenever the trials change, another hyperparameter is
 * chosen for the scatter, or other trials are selected for the learning curves; the page only shows them.
 * A plot is null when it has nothing to draw.
 */
public final class SweepPlots {

    private final ReadOnlyObjectProperty<SweepSpec> spec;
    private final ObservableList<Trial> trials;
    private final ObservableList<String> scatterParameters = FXCollections.observableArrayList();
    private final StringProperty scatterParameter = new SimpleStringProperty();
    private final ObservableList<Trial> selectedTrials = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Figure> parallel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Figure> scatter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Figure> curves = new ReadOnlyObjectWrapper<>();

    /**
     * @param revision changes whenever trial results change (the trials list is replaced in place by a sweep)
     */
    SweepPlots(ReadOnlyObjectProperty<SweepSpec> spec, ObservableList<Trial> trials, ObservableValue<?> revision) {
        this.spec = spec;
        this.trials = trials;
        spec.addListener((obs, old, shown) -> {
            scatterParameters.setAll(shown == null ? List.of()
                    : shown.parameters().stream().map(ParameterSpace::key).toList());
            scatterParameter.set(scatterParameters.isEmpty() ? null : scatterParameters.get(0));
            redraw();
        });
        revision.addListener((obs, old, now) -> redraw());
        scatterParameter.addListener((obs, old, key) -> redraw());
        selectedTrials.addListener((ListChangeListener<Trial>) change -> redraw());
    }

    private void redraw() {
        SweepSpec shown = spec.get();
        if (shown == null) {
            parallel.set(null);
            scatter.set(null);
            curves.set(null);
            return;
        }
        String metric = SweepViewModel.objectiveLabel(shown.objective());
        List<double[]> rows = parallelRows();
        parallel.set(rows.isEmpty() ? null : SweepCharts.parallelCoordinates(parallelAxes(), rows));
        String key = scatterParameter.get();
        double[][] points = key == null ? new double[2][0] : scatter(key);
        scatter.set(points[0].length == 0 ? null
                : SweepCharts.metricVsHyperparameter(key, metric, points[0], points[1], logScale(key)));
        List<RunCurve> chosen = curves(List.copyOf(selectedTrials));
        curves.set(chosen.isEmpty() ? null : SweepCharts.runOverlay(metric, chosen));
    }

    /** Axes of the parallel-coordinates plot: the varied hyperparameters, then the objective. */
    List<String> parallelAxes() {
        SweepSpec shown = spec.get();
        List<String> axes = new ArrayList<>();
        if (shown != null) {
            shown.parameters().forEach(parameter -> axes.add(parameter.key()));
            axes.add(SweepViewModel.objectiveLabel(shown.objective()));
        }
        return axes;
    }

    /** One row per trial with a result, in {@link #parallelAxes()} order; list values become their index. */
    List<double[]> parallelRows() {
        SweepSpec shown = spec.get();
        List<double[]> rows = new ArrayList<>();
        if (shown == null) {
            return rows;
        }
        for (Trial trial : trials) {
            if (trial.objective() == null) {
                continue;
            }
            double[] row = new double[shown.parameters().size() + 1];
            for (int p = 0; p < shown.parameters().size(); p++) {
                row[p] = numeric(shown.parameters().get(p), trial.values().get(shown.parameters().get(p).key()));
            }
            row[row.length - 1] = trial.objective();
            rows.add(row);
        }
        return rows;
    }

    /** Pairs (hyperparameter value, objective) of the trials with a result, for a scatter. */
    double[][] scatter(String key) {
        SweepSpec shown = spec.get();
        if (shown == null) {
            return new double[2][0];
        }
        ParameterSpace space = shown.parameters().stream().filter(p -> p.key().equals(key)).findFirst()
                .orElse(null);
        List<Trial> done = trials.stream().filter(t -> t.objective() != null && t.values().containsKey(key)).toList();
        double[][] points = new double[2][done.size()];
        for (int i = 0; i < done.size(); i++) {
            points[0][i] = numeric(space, done.get(i).values().get(key));
            points[1][i] = done.get(i).objective();
        }
        return points;
    }

    /** True when a hyperparameter's range spans decades (drawn on a log axis). */
    boolean logScale(String key) {
        SweepSpec shown = spec.get();
        return shown != null && shown.parameters().stream().anyMatch(p -> p.key().equals(key) && !p.isList()
                && p.scale() == ParameterSpace.Scale.LOG);
    }

    /** Per-epoch objective of the given trials (all trials with epochs when none are given), first fold. */
    List<RunCurve> curves(List<Trial> chosen) {
        List<Trial> source = chosen.isEmpty() ? trials : chosen;
        List<RunCurve> found = new ArrayList<>();
        Map<Integer, Trial> latest = new HashMap<>();
        trials.forEach(trial -> latest.put(trial.number(), trial));
        for (Trial trial : source) {
            Trial current = latest.getOrDefault(trial.number(), trial);
            if (current.curves().isEmpty() || current.curves().get(0).isEmpty()) {
                continue;
            }
            List<Double> values = current.curves().get(0);
            double[] epochs = new double[values.size()];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            found.add(new RunCurve(I18n.text("sweeps.trial", current.number()), epochs,
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return found;
    }

    private static double numeric(ParameterSpace space, String value) {
        if (space != null && space.isList()) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException category) {
                return space.values().indexOf(value);
            }
        }
        return Double.parseDouble(value);
    }

    /** The varied hyperparameters the scatter can be drawn against. */
    public ObservableList<String> scatterParameters() {
        return scatterParameters;
    }

    /** The hyperparameter on the scatter's horizontal axis (the first varied one when a sweep is shown). */
    public StringProperty scatterParameterProperty() {
        return scatterParameter;
    }

    /** The trials whose learning curves are drawn; all trials when empty. The page mirrors its selection here. */
    public ObservableList<Trial> selectedTrials() {
        return selectedTrials;
    }

    public ReadOnlyObjectProperty<Figure> parallelProperty() {
        return parallel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figure> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figure> curvesProperty() {
        return curves.getReadOnlyProperty();
    }
}
