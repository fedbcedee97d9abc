package org.cardiacrnn.training;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.io.JsonInput;

/**
 * Every setting of the network and its training, as one immutable value saved with each run.
 * The constructor validates each field and says what is wrong in a biologist's words.
 *
 * @param dropout          fraction of inputs dropped (0 = none); DL4J's own setting is the fraction kept
 * @param gradientClip     element-wise absolute clipping of gradients (0 = none)
 * @param earlyStoppingPatience epochs without improvement before stopping (0 = never stop early)
 * @param shuffleProbability chance per sequence of swapping two neighbouring time steps (augmentation)
 */
public record Hyperparameters(
        Cell cell, boolean bidirectional, int layers, int hiddenUnits, double dropout, Pooling pooling,
        int denseUnits, Optimiser optimiser, double learningRate, double weightDecay, double momentum, double l2,
        int batchSize, int epochs, double gradientClip, Loss loss, double focalAlpha, double focalGamma,
        Scheduler scheduler, double plateauFactor, int plateauPatience, double minLearningRate,
        int earlyStoppingPatience, StoppingMetric earlyStoppingMetric, double noiseSigma, double temporalDropout,
        double shuffleProbability, long seed) {

    /** Recurrent cell. */
    public enum Cell { LSTM, SIMPLE_RNN }

    /** How the per-time-step outputs become one vector per sequence. */
    public enum Pooling { MEAN, MAX, LAST }

    /** Gradient-descent method. */
    public enum Optimiser { ADAM, ADAMW, SGD }

    /** Training objective. */
    public enum Loss { FOCAL, CROSS_ENTROPY, WEIGHTED_CROSS_ENTROPY }

    /** Learning-rate schedule. */
    public enum Scheduler { NONE, REDUCE_ON_PLATEAU }

    /** What early stopping and the best-epoch choice watch. */
    public enum StoppingMetric { VALIDATION_LOSS, VALIDATION_ACCURACY }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Set<String> WHOLE_NUMBER_KEYS = Arrays.stream(Hyperparameters.class.getRecordComponents())
            .filter(component -> component.getType() == int.class || component.getType() == long.class)
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    public Hyperparameters {
        require(cell != null, "cell must be LSTM or SIMPLE_RNN");
        require(pooling != null, "pooling must be MEAN, MAX or LAST");
        require(optimiser != null, "optimiser must be ADAM, ADAMW or SGD");
        require(loss != null, "loss must be FOCAL, CROSS_ENTROPY or WEIGHTED_CROSS_ENTROPY");
        require(scheduler != null, "scheduler must be NONE or REDUCE_ON_PLATEAU");
        require(earlyStoppingMetric != null, "earlyStoppingMetric must be VALIDATION_LOSS or VALIDATION_ACCURACY");
        range("layers", layers, 1, 10);
        range("hiddenUnits", hiddenUnits, 1, 4096);
        range("denseUnits", denseUnits, 0, 4096);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1); got " + format(dropout));
        positive("learningRate", learningRate);
        require(weightDecay >= 0, "weightDecay must be 0 or more; got " + format(weightDecay));
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1); got " + format(momentum));
        require(l2 >= 0, "l2 must be 0 or more; got " + format(l2));
        range("batchSize", batchSize, 1, 100_000);
        range("epochs", epochs, 1, 100_000);
        require(gradientClip >= 0, "gradientClip must be 0 (off) or more; got " + format(gradientClip));
        require(focalAlpha > 0, "focalAlpha must be above 0; got " + format(focalAlpha));
        require(focalGamma >= 0, "focalGamma must be 0 or more; got " + format(focalGamma));
        require(plateauFactor > 0 && plateauFactor < 1,
                "plateauFactor must be in (0, 1); got " + format(plateauFactor));
        range("plateauPatience", plateauPatience, 1, 10_000);
        require(minLearningRate >= 0 && minLearningRate <= learningRate,
                "minLearningRate must be between 0 and learningRate; got " + format(minLearningRate));
        range("earlyStoppingPatience", earlyStoppingPatience, 0, 100_000);
        require(noiseSigma >= 0, "noiseSigma must be 0 or more; got " + format(noiseSigma));
        require(temporalDropout >= 0 && temporalDropout < 1,
                "temporalDropout must be in [0, 1); got " + format(temporalDropout));
        require(shuffleProbability >= 0 && shuffleProbability <= 1,
                "shuffleProbability must be in [0, 1]; got " + format(shuffleProbability));
    }

    /** The published methodology: BiLSTM 3 × 256, focal loss, Adam 1e-3, 30 epochs, batch 16. */
    public static Hyperparameters methodology() {
        return new Hyperparameters(Cell.LSTM, true, 3, 256, 0.5, Pooling.MEAN, 128, Optimiser.ADAM, 1e-3, 0, 0.9,
                1e-3, 16, 30, 0.5, Loss.FOCAL, 1.0, 3.0, Scheduler.REDUCE_ON_PLATEAU, 0.3, 4, 1e-7, 8,
                StoppingMetric.VALIDATION_LOSS, 0.01, 0, 0, 42);
    }

    /** A small network for a first look in seconds. */
    public static Hyperparameters quick() {
        return new Hyperparameters(Cell.LSTM, true, 1, 32, 0.2, Pooling.MEAN, 32, Optimiser.ADAM, 3e-3, 0, 0.9,
                1e-4, 32, 8, 1.0, Loss.CROSS_ENTROPY, 1.0, 2.0, Scheduler.REDUCE_ON_PLATEAU, 0.5, 3, 1e-6, 4,
                StoppingMetric.VALIDATION_LOSS, 0.01, 0, 0, 42);
    }

    /** Names of the presets. */
    public static List<String> presetNames() {
        return List.of("methodology", "quick");
    }

    /** A preset by name. */
    public static Hyperparameters preset(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "methodology" -> methodology();
            case "quick" -> quick();
            default -> throw new ConfigException("unknown preset \"" + name + "\"; presets are " + presetNames());
        };
    }

    /** The field names that {@link #withOverride} accepts. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (var component : Hyperparameters.class.getRecordComponents()) {
            keys.add(component.getName());
        }
        return keys;
    }

    /** A copy with one field changed, from text (the CLI's {@code --set key=value}). */
    public Hyperparameters withOverride(String key, String value) {
        if (!keys().contains(key)) {
            throw new ConfigException("unknown hyperparameter \"" + key + "\"; valid names are " + keys());
        }
        ObjectNode tree = JSON.valueToTree(this);
        JsonNode original = tree.get(key);
        String text = value.trim();
        try {
            if (original.isBoolean()) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                tree.put(key, Boolean.parseBoolean(text));
            } else if (original.isIntegralNumber()) {
                tree.put(key, Long.parseLong(text));
            } else if (original.isNumber()) {
                tree.put(key, Double.parseDouble(text));
            } else {
                tree.put(key, text.toUpperCase(Locale.ROOT));
            }
            return JSON.treeToValue(tree, Hyperparameters.class);
        } catch (ConfigException invalid) {
            throw invalid;
        } catch (IllegalArgumentException | IOException badValue) {
            Throwable cause = badValue.getCause();
            if (cause instanceof ConfigException invalid) {
                throw invalid;
            }
            throw new ConfigException("\"" + value + "\" is not a valid value for " + key
                    + (original.isTextual() ? " (" + choicesOf(key) + ")" : ""), badValue);
        }
    }

    private static String choicesOf(String key) {
        for (var component : Hyperparameters.class.getRecordComponents()) {
            if (component.getName().equals(key) && component.getType().isEnum()) {
                return "one of " + List.of(component.getType().getEnumConstants());
            }
        }
        return "text";
    }

    /** The key settings in a few words, for run tables. */
    public Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("cell", (bidirectional ? "Bi" : "") + cell + " " + layers + "×" + hiddenUnits);
        summary.put("dropout", format(dropout));
        summary.put("lr", format(learningRate));
        summary.put("batch", Integer.toString(batchSize));
        summary.put("loss", loss.name().toLowerCase(Locale.ROOT));
        return summary;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Reads hyperparameters from JSON; fields left out keep the methodology's values. */
    public static Hyperparameters fromJson(String json, String source) {
        JsonInput.check(json, source, WHOLE_NUMBER_KEYS);
        try {
            ObjectNode tree = JSON.valueToTree(methodology());
            JsonNode given = JSON.readTree(json);
            if (given == null || !given.isObject()) {
                throw new ConfigException(source + ": expected a JSON object of hyperparameters");
            }
            given.fields().forEachRemaining(field -> {
                if (!tree.has(field.getKey())) {
                    throw new ConfigException(source + ": unknown hyperparameter \"" + field.getKey()
                            + "\"; valid names are " + keys());
                }
                tree.set(field.getKey(), field.getValue());
            });
            return JSON.treeToValue(tree, Hyperparameters.class);
        } catch (ConfigException invalid) {
            throw invalid;
        } catch (IOException | IllegalArgumentException unreadable) {
            Throwable cause = unreadable.getCause();
            if (cause instanceof ConfigException invalid) {
                throw new ConfigException(source + ": " + invalid.getMessage(), invalid);
            }
            throw new ConfigException(source + ": not valid hyperparameter JSON (" + unreadable.getMessage() + ")",
                    unreadable);
        }
    }

    public static Hyperparameters load(Path file) {
        try {
            return fromJson(Files.readString(file), file.getFileName().toString());
        } catch (IOException unreadable) {
            throw new ConfigException(file + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    public void save(Path file) {
        try {
            AtomicFiles.writeString(file, toJson() + "\n");
        } catch (IOException failure) {
            throw new ConfigException(file + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    private static void range(String field, long value, long min, long max) {
        require(value >= min && value <= max, field + " must be between " + min + " and " + max + "; got " + value);
    }

    private static void positive(String field, double value) {
        require(value > 0 && Double.isFinite(value), field + " must be above 0; got " + format(value));
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
