package org.cardiacrnn.sweeps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One trial of a sweep, as trials.json holds it.
 *
 * @param number    1-based position in the sweep
 * @param values    the varied hyperparameters' values as text; empty for a model-based trial not yet chosen
 * @param runIds    run folders of this trial, one per fold
 * @param objective the sweep's objective (mean over folds); null until the trial has a result
 * @param curves    per fold, the objective measured after each epoch (validation loss when optimising loss,
 *                  otherwise validation accuracy), which the median stopping rule compares
 * @param epochs    epochs trained (summed over folds)
 * @param seconds   training time (summed over folds)
 * @param message   why a trial was stopped or failed; null otherwise
 * @param worker    the worker process that claimed the trial, for sweeps run by workers ({@code sweep --worker});
 *                  null for trials run by the sweep's own process
 * @param events    what happened to the trial beyond its state, oldest first (e.g. re-queued after its worker
 *                  stopped sending heartbeats)
 */
public record Trial(int number, Map<String, String> values, TrialState state, List<String> runIds,
                    Double objective, List<List<Double>> curves, int epochs, double seconds, String message,
                    TrialWorker worker, List<String> events) {

    /**
     * Where a trial stands. A re-queued trial waits like a pending one; its worker was lost and its
     * partial run is left as an interrupted run folder.
     */
    public enum TrialState { PENDING, RUNNING, FINISHED, PRUNED, FAILED, REQUEUED }

    public Trial {
        values = values == null ? Map.of() : new LinkedHashMap<>(values);
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        curves = curves == null ? List.of() : curves.stream().map(List::copyOf).toList();
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A trial run by the sweep's own process: no worker, no events yet. */
    public Trial(int number, Map<String, String> values, TrialState state, List<String> runIds, Double objective,
                 List<List<Double>> curves, int epochs, double seconds, String message) {
        this(number, values, state, runIds, objective, curves, epochs, seconds, message, null, List.of());
    }

    public static Trial pending(int number, Map<String, String> values) {
        return new Trial(number, values, TrialState.PENDING, List.of(), null, List.of(), 0, 0, null);
    }

    public Trial withState(TrialState next, String why) {
        return new Trial(number, values, next, runIds, objective, curves, epochs, seconds, why, worker, events);
    }

    /** Back to the start, for a trial a previous session left unfinished; its events stay. */
    public Trial reset() {
        return new Trial(number, values, TrialState.PENDING, List.of(), null, List.of(), 0, 0, null, null, events);
    }

    /** Taken by {@code claimer}, with the values it will train. */
    Trial claimedBy(TrialWorker claimer, Map<String, String> chosen) {
        return new Trial(number, chosen, TrialState.RUNNING, List.of(), null, List.of(), 0, 0, null, claimer,
                events);
    }

    /** Back in line after its worker was lost, the loss recorded in the trial's events. */
    Trial requeued(String why) {
        List<String> more = new ArrayList<>(events);
        more.add(why);
        return new Trial(number, values, TrialState.REQUEUED, List.of(), null, List.of(), 0, 0, why, null, more);
    }

    /** The same trial with what a running or ended training measured; its worker and events stay. */
    public Trial withResult(TrialState next, List<String> runs, Double result, List<List<Double>> measured,
                            int epochsRun, double secondsRun, String why) {
        return new Trial(number, values, next, runs, result, measured, epochsRun, secondsRun, why, worker, events);
    }

    /** Whether a worker may take this trial next. */
    @JsonIgnore
    public boolean isWaiting() {
        return state == TrialState.PENDING || state == TrialState.REQUEUED;
    }

    @JsonIgnore
    public boolean isDone() {
        return state == TrialState.FINISHED || state == TrialState.PRUNED || state == TrialState.FAILED;
    }

    /** The objective as a number; NaN when there is none yet. */
    @JsonIgnore
    public double objectiveValue() {
        return objective == null ? Double.NaN : objective;
    }

    /** Mutable copy of the curves, one list per fold started so far. */
    List<List<Double>> curvesCopy() {
        List<List<Double>> copy = new ArrayList<>();
        curves.forEach(curve -> copy.add(new ArrayList<>(curve)));
        return copy;
    }

    /**
     * Trials best first: finished trials by objective, then stopped ones by the objective they had reached,
     * then those without a result; ties keep trial order.
     */
    public static List<Trial> ranked(List<Trial> trials, Objective objective) {
        Comparator<Trial> byGroup = Comparator.comparingInt(trial -> trial.state() == TrialState.FINISHED
                && trial.objective() != null ? 0 : trial.objective() != null ? 1 : 2);
        Comparator<Trial> byObjective = (a, b) -> objective.better(a.objectiveValue(), b.objectiveValue()) ? -1
                : objective.better(b.objectiveValue(), a.objectiveValue()) ? 1 : 0;
        return trials.stream().sorted(byGroup.thenComparing(byObjective).thenComparingInt(Trial::number)).toList();
    }
}
