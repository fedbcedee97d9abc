package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.runs.RunSummary;

/**
 * Rebuilds a sweep's missing or damaged {@code trials.json} from what survives: the definition in
 * {@code sweep.json} gives the planned trials, and every run folder a trial started says in its events which sweep
 * and trial it belongs to. A trial whose every fold finished gets back its values, objective, curves, epochs and
 * time, measured from the runs' {@code metrics.csv} as the sweep measured them; any other trial waits to run again
 * on {@code sweep --resume}, its runs kept as they are. The damaged file is kept beside the new one, never replaced.
 */
public final class SweepRepair {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern FOLD = Pattern.compile(" fold (\\d+)$");

    /**
     * What a repair did.
     *
     * @param keptAs    where the damaged table was moved; null when it was missing
     * @param recovered trials recovered with their results
     * @param rerun     trials that had runs but no complete result, and run again on resume
     * @param trials    trials in the rebuilt table
     */
    public record Result(Path keptAs, int recovered, int rerun, int trials) {
    }

    private SweepRepair() {
    }

    /** Rebuilds the trial table of sweep {@code id} in {@code workspace}; refuses a table that reads well. */
    public static Result repair(Path workspace, String id, Clock clock) {
        SweepStore store = new SweepStore(workspace);
        Path directory = store.directory().resolve(id).normalize();
        if (!store.directory().equals(directory.getParent())
                || !Files.isRegularFile(directory.resolve(SweepFolder.DEFINITION_FILE))) {
            throw new SweepException("no sweep \"" + id + "\" in " + store.directory());
        }
        SweepFolder folder = new SweepFolder(id, directory);
        Path table = directory.resolve(SweepFolder.TRIALS_FILE);
        if (Files.isRegularFile(table) && readable(folder)) {
            throw new SweepException(table + " reads well; there is nothing to repair");
        }
        SweepDefinition definition = folder.definition();
        if (definition == null || definition.spec() == null) {
            throw new SweepException(directory.resolve(SweepFolder.DEFINITION_FILE) + " holds no sweep spec, so the "
                    + "planned trials cannot be rebuilt");
        }
        SweepSpec spec = definition.spec();
        Map<Integer, List<RunFolder>> started = trialRuns(new RunStore(workspace), id);
        List<Trial> trials = new ArrayList<>(new SweepPlanner(spec).plan());
        String when = clock.instant().toString();
        int recovered = 0;
        int rerun = 0;
        for (Map.Entry<Integer, List<RunFolder>> entry : started.entrySet()) {
            int number = entry.getKey();
            if (number < 1 || number > trials.size()) {
                continue;
            }
            Trial planned = trials.get(number - 1);
            Trial rebuilt = rebuild(planned, entry.getValue(), spec, when);
            trials.set(number - 1, rebuilt);
            if (rebuilt.isDone()) {
                recovered++;
            } else {
                rerun++;
            }
        }
        Path keptAs = null;
        if (Files.exists(table)) {
            keptAs = directory.resolve(SweepFolder.TRIALS_FILE + ".damaged-"
                    + STAMP.format(clock.instant().atZone(clock.getZone())));
            try {
                Files.move(table, keptAs);
            } catch (IOException failure) {
                throw new SweepException(table + ": cannot be moved aside to " + keptAs.getFileName() + " ("
                        + AtomicFiles.describe(failure) + ")", failure);
            }
        }
        folder.writeTrials(trials);
        return new Result(keptAs, recovered, rerun, trials.size());
    }

    private static boolean readable(SweepFolder folder) {
        try {
            folder.trials();
            return true;
        } catch (SweepException damaged) {
            return false;
        }
    }

    /** The run folders of each trial of sweep {@code id}, as their events name it. */
    private static Map<Integer, List<RunFolder>> trialRuns(RunStore runs, String id) {
        Pattern link = Pattern.compile("sweep " + Pattern.quote(id) + ", trial (\\d+)$");
        Map<Integer, List<RunFolder>> byTrial = new TreeMap<>();
        for (RunSummary summary : runs.list()) {
            if (summary.state() == RunState.UNREADABLE) {
                continue;
            }
            RunFolder run = runs.open(summary.id());
            for (String event : run.readEvents()) {
                Matcher matcher = link.matcher(event);
                if (matcher.find()) {
                    byTrial.computeIfAbsent(Integer.parseInt(matcher.group(1)), k -> new ArrayList<>()).add(run);
                    break;
                }
            }
        }
        return byTrial;
    }

    private static Trial rebuild(Trial planned, List<RunFolder> runs, SweepSpec spec, String when) {
        // A trial run again after a stop or a lost worker has older runs too: each fold's newest finished run wins.
        Map<Integer, RunFolder> byFold = new TreeMap<>();
        runs.stream().sorted(Comparator.comparing(run -> run.status().startedAt())).forEach(run -> {
            int fold = fold(run.status().name());
            RunFolder kept = byFold.get(fold);
            if (kept == null || run.status().state() == RunState.FINISHED
                    || kept.status().state() != RunState.FINISHED) {
                byFold.put(fold, run);
            }
        });
        List<String> runIds = byFold.values().stream().map(RunFolder::id).toList();
        Map<String, String> values = planned.values().isEmpty() ? values(byFold.values().iterator().next(), spec)
                : planned.values();
        List<String> events = new ArrayList<>(planned.events());
        boolean complete = byFold.size() == spec.folds()
                && byFold.values().stream().allMatch(run -> run.status().state() == RunState.FINISHED);
        if (!complete || spec.objective() == Objective.VALIDATION_MACRO_F1) {
            String why = !complete ? "its runs " + String.join(", ", runIds) + " did not all finish"
                    : "its macro F1 is not kept in its run folders";
            events.add(when + ": trials.json rebuilt from the run folders; the trial runs again on resume, because "
                    + why);
            return new Trial(planned.number(), values, Trial.TrialState.PENDING, List.of(), null, List.of(), 0, 0,
                    null, null, events);
        }
        List<List<Double>> curves = new ArrayList<>();
        List<Double> objectives = new ArrayList<>();
        int epochs = 0;
        double seconds = 0;
        for (RunFolder run : byFold.values()) {
            List<EpochMetrics> metrics = run.readMetrics();
            Hyperparameters hp = run.readConfig(RunConfig.class).hyperparameters();
            curves.add(metrics.stream().map(row -> spec.objective() == Objective.VALIDATION_LOSS
                    ? row.validationLoss() : row.validationAccuracy()).toList());
            objectives.add(bestEpochObjective(metrics, hp, spec.objective()));
            epochs += metrics.size();
            seconds += metrics.stream().mapToDouble(EpochMetrics::seconds).sum();
        }
        events.add(when + ": trials.json rebuilt from the run folders " + String.join(", ", runIds));
        double objective = objectives.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Trial(planned.number(), values, Trial.TrialState.FINISHED, runIds, objective, curves, epochs,
                seconds, null, null, events);
    }

    /** The objective at the epoch the trainer kept as best: the first with the lowest stopping score. */
    private static double bestEpochObjective(List<EpochMetrics> metrics, Hyperparameters hp, Objective objective) {
        EpochMetrics best = null;
        double bestScore = Double.NaN;
        for (EpochMetrics row : metrics) {
            double score = hp.earlyStoppingMetric() == Hyperparameters.StoppingMetric.VALIDATION_LOSS
                    ? row.validationLoss() : -row.validationAccuracy();
            if (best == null || Double.isNaN(bestScore) || score < bestScore) {
                best = row;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new WorkbenchException("a finished run of the sweep has no epochs in its metrics.csv");
        }
        return objective == Objective.VALIDATION_LOSS ? best.validationLoss() : best.validationAccuracy();
    }

    private static int fold(String runName) {
        Matcher matcher = FOLD.matcher(runName == null ? "" : runName);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }

    /** A model-based trial's values, read back from the hyperparameters its run trained with. */
    private static Map<String, String> values(RunFolder run, SweepSpec spec) {
        Hyperparameters hp = run.readConfig(RunConfig.class).hyperparameters();
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpace parameter : spec.parameters()) {
            values.put(parameter.key(), text(Hyperparameter.byKey(parameter.key()), hp));
        }
        return values;
    }

    private static <T> String text(Hyperparameter<T> hyperparameter, Hyperparameters hp) {
        return hyperparameter.format(hyperparameter.get(hp));
    }
}
