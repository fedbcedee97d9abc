package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.io.JsonInput;

/**
 * What a sweep tries: a base preset with some fields fixed, the hyperparameters that vary, how the next
 * trial is chosen, what is optimised, and how each trial is judged. Saved and loaded as JSON; every field
 * but {@code parameters} has a default.
 *
 * @param basePreset     preset every trial starts from ("quick" or "methodology")
 * @param fixed          fields set for every trial, as in {@code train --set key=value}
 * @param trials         budget for RANDOM and TPE; ignored by GRID, which tries every combination
 * @param seed           seeds the random and model-based choices (each trial keeps the base's training seed)
 * @param folds          k-fold cross-validation per trial when 2 or more; the objective is the mean over folds
 * @param medianStopping stop a trial whose best objective so far is worse than the median of earlier trials at
 *                       the same epoch, from {@code minEpochs} on; null: every trial runs to its end
 */
public record SweepSpec(String name, String basePreset, Map<String, String> fixed, List<ParameterSpace> parameters,
                        Strategy strategy, int trials, long seed, Objective objective, int folds,
                        MedianStopping medianStopping) {

    /** How the next trial's settings are chosen. */
    public enum Strategy { GRID, RANDOM, TPE }

    /** The median stopping rule's setting. */
    public record MedianStopping(int minEpochs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_TRIALS = 10_000;

    public SweepSpec {
        name = name == null || name.isBlank() ? "sweep" : name.strip();
        basePreset = basePreset == null ? "quick" : basePreset;
        fixed = fixed == null ? Map.of() : new LinkedHashMap<>(fixed);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        strategy = strategy == null ? Strategy.GRID : strategy;
        objective = objective == null ? Objective.VALIDATION_ACCURACY : objective;
        trials = trials <= 0 ? 10 : trials;
        folds = Math.max(folds, 1);
    }

    /** The settings every trial starts from: the preset with the fixed fields applied. */
    public Hyperparameters base() {
        Hyperparameters hp = Hyperparameters.preset(basePreset);
        for (Map.Entry<String, String> entry : fixed.entrySet()) {
            hp = Hyperparameter.byKey(entry.getKey()).withText(hp, entry.getValue());
        }
        return hp;
    }

    /** A trial's settings: the base with the trial's values applied. */
    public Hyperparameters hyperparameters(Map<String, String> values) {
        Hyperparameters hp = base();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            hp = Hyperparameter.byKey(entry.getKey()).withText(hp, entry.getValue());
        }
        return hp;
    }

    /**
     * The fields in which {@code settings} differ from a preset, as text: the {@code fixed} part of a spec
     * whose trials start from {@code settings} (the GUI's editor).
     */
    public static Map<String, String> differences(String preset, Hyperparameters settings) {
        Map<String, String> fixed = new LinkedHashMap<>();
        Hyperparameters base = Hyperparameters.preset(preset);
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            difference(hyperparameter, base, settings, fixed);
        }
        return fixed;
    }

    private static <T> void difference(Hyperparameter<T> hyperparameter, Hyperparameters base,
                                       Hyperparameters settings, Map<String, String> fixed) {
        T wanted = hyperparameter.get(settings);
        if (!wanted.equals(hyperparameter.get(base))) {
            fixed.put(hyperparameter.key(), hyperparameter.format(wanted));
        }
    }

    /** Whether a hyperparameter takes whole numbers (ranges of it are rounded). */
    public static boolean isInteger(String key) {
        return Hyperparameter.keys().contains(key) && Hyperparameter.byKey(key).isWhole();
    }

    /** How many trials the sweep will run. */
    @JsonIgnore
    public int plannedTrials() {
        if (strategy != Strategy.GRID) {
            return trials;
        }
        long product = 1;
        for (ParameterSpace parameter : parameters) {
            product *= parameter.gridValues(isInteger(parameter.key())).size();
        }
        return (int) Math.min(product, Integer.MAX_VALUE);
    }

    /**
     * Checks every field, each message naming it, including that every value of every parameter gives valid
     * hyperparameters.
     *
     * @param source where the spec came from, for messages (a file name, or "sweep")
     */
    public SweepSpec validated(String source) {
        try {
            Hyperparameters base = base();
            if (parameters.isEmpty()) {
                throw new SweepException(source + ": parameters: name at least one hyperparameter to vary");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < parameters.size(); i++) {
                validate(source + ": parameters[" + i + "]", parameters.get(i), base, seen);
            }
            if (strategy == Strategy.GRID && plannedTrials() > MAX_TRIALS) {
                throw new SweepException(source + ": the grid has " + plannedTrials() + " combinations; use fewer "
                        + "values or random search with a budget");
            }
            if (trials > MAX_TRIALS) {
                throw new SweepException(source + ": trials must be at most " + MAX_TRIALS + "; got " + trials);
            }
            if (folds > 20) {
                throw new SweepException(source + ": folds must be between 1 and 20; got " + folds);
            }
            if (medianStopping != null && (medianStopping.minEpochs() < 1
                    || medianStopping.minEpochs() > base.epochs())) {
                throw new SweepException(source + ": medianStopping.minEpochs must be between 1 and the epochs of "
                        + "a trial (" + base.epochs() + "); got " + medianStopping.minEpochs());
            }
            return this;
        } catch (SweepException invalid) {
            throw invalid;
        } catch (WorkbenchException invalid) {
            throw new SweepException(source + ": " + invalid.getMessage(), invalid);
        }
    }

    private static void validate(String where, ParameterSpace parameter, Hyperparameters base, Set<String> seen) {
        String key = parameter.key();
        if (key == null || !Hyperparameter.keys().contains(key)) {
            throw new SweepException(where + ".key: unknown hyperparameter \"" + key + "\"; valid names are "
                    + Hyperparameter.keys());
        }
        if (!seen.add(key)) {
            throw new SweepException(where + ".key: " + key + " is listed twice");
        }
        where = where + " (" + key + ")";
        if (parameter.isList()) {
            if (parameter.values().isEmpty()) {
                throw new SweepException(where + ".values: give at least one value");
            }
            for (String value : parameter.values()) {
                tryValue(where + ".values", base, key, value);
            }
            return;
        }
        if (parameter.min() == null || parameter.max() == null) {
            throw new SweepException(where + ": give either values or both min and max");
        }
        if (!(parameter.min() <= parameter.max())) {
            throw new SweepException(where + ": min (" + parameter.min() + ") must not exceed max ("
                    + parameter.max() + ")");
        }
        if (parameter.scale() == ParameterSpace.Scale.LOG && parameter.min() <= 0) {
            throw new SweepException(where + ": a LOG range needs min above 0; got " + parameter.min());
        }
        if (parameter.steps() != null && (parameter.steps() < 1 || parameter.steps() > 1000)) {
            throw new SweepException(where + ".steps must be between 1 and 1000; got " + parameter.steps());
        }
        boolean integer = isInteger(key);
        tryValue(where + ".min", base, key, ParameterSpace.text(parameter.min(), integer));
        tryValue(where + ".max", base, key, ParameterSpace.text(parameter.max(), integer));
    }

    private static void tryValue(String where, Hyperparameters base, String key, String value) {
        try {
            Hyperparameter.byKey(key).withText(base, value);
        } catch (WorkbenchException invalid) {
            throw new SweepException(where + ": " + invalid.getMessage(), invalid);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Reads and validates a spec; messages name the source and the field. */
    public static SweepSpec fromJson(String json, String source) {
        JsonInput.check(json, source, Set.of("trials", "seed", "folds", "minEpochs", "steps"));
        try {
            return JSON.readValue(json, SweepSpec.class).validated(source);
        } catch (UnrecognizedPropertyException unknown) {
            throw new SweepException(source + ": unknown field \"" + unknown.getPropertyName() + "\" (line "
                    + unknown.getLocation().getLineNr() + "); fields are name, basePreset, fixed, parameters, "
                    + "strategy, trials, seed, objective, folds, medianStopping", unknown);
        } catch (JsonProcessingException unreadable) {
            String location = unreadable.getLocation() == null ? "" : " at line "
                    + unreadable.getLocation().getLineNr() + ", column " + unreadable.getLocation().getColumnNr();
            throw new SweepException(source + ": not a valid sweep spec" + location + " ("
                    + firstLine(unreadable.getOriginalMessage()) + ")", unreadable);
        } catch (IllegalArgumentException invalid) {
            throw new SweepException(source + ": " + invalid.getMessage(), invalid);
        }
    }

    private static String firstLine(String text) {
        int end = text == null ? -1 : text.indexOf('\n');
        return end < 0 ? String.valueOf(text) : text.substring(0, end);
    }

    public static SweepSpec load(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException unreadable) {
            throw new SweepException(file + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    public void save(Path file) {
        try {
            AtomicFiles.writeString(file, toJson() + "\n");
        } catch (IOException failure) {
            throw new SweepException(file + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }
}
