package org.cardiacrnn.hyperparameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.io.JsonInput;

/**
 * Every setting of the network and its training, as one immutable value saved with each run.
 * Each component is described once in {@link Hyperparameter} (range, unit, category, label, help); the
 * constructor checks every value against its descriptor and says what is wrong in a biologist's words.
 * Build values with {@link #builder()} (which starts from the defaults) or {@link #toBuilder()}, never by
 * position.
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
        double shuffleProbability, long seed, WeightInitialisation weightInit) {

    private static final Set<String> WHOLE_NUMBER_KEYS = Hyperparameter.all().stream()
            .filter(Hyperparameter::isWhole)
            .map(Hyperparameter::key).collect(Collectors.toUnmodifiableSet());

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

    /** How the weights are drawn before training: Xavier (Glorot) or He, scaled for ReLU layers. */
    public enum WeightInitialisation { XAVIER, HE }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks every value against its {@link Hyperparameter} descriptor, then the one rule across two of them. */
    public Hyperparameters(Cell cell, boolean bidirectional, int layers, int hiddenUnits, double dropout,
                           Pooling pooling, int denseUnits, Optimiser optimiser, double learningRate,
                           double weightDecay, double momentum, double l2, int batchSize, int epochs,
                           double gradientClip, Loss loss, double focalAlpha, double focalGamma, Scheduler scheduler,
                           double plateauFactor, int plateauPatience, double minLearningRate,
                           int earlyStoppingPatience, StoppingMetric earlyStoppingMetric, double noiseSigma,
                           double temporalDropout, double shuffleProbability, long seed,
                           WeightInitialisation weightInit) {
        this.cell = cell;
        this.bidirectional = bidirectional;
        this.layers = layers;
        this.hiddenUnits = hiddenUnits;
        this.dropout = dropout;
        this.pooling = pooling;
        this.denseUnits = denseUnits;
        this.optimiser = optimiser;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.l2 = l2;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.gradientClip = gradientClip;
        this.loss = loss;
        this.focalAlpha = focalAlpha;
        this.focalGamma = focalGamma;
        this.scheduler = scheduler;
        this.plateauFactor = plateauFactor;
        this.plateauPatience = plateauPatience;
        this.minLearningRate = minLearningRate;
        this.earlyStoppingPatience = earlyStoppingPatience;
        this.earlyStoppingMetric = earlyStoppingMetric;
        this.noiseSigma = noiseSigma;
        this.temporalDropout = temporalDropout;
        this.shuffleProbability = shuffleProbability;
        this.seed = seed;
        this.weightInit = weightInit;
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            hyperparameter.validate(this);
        }
        if (minLearningRate > learningRate) {
            throw new ConfigException("minLearningRate must be between 0 and learningRate; got "
                    + Hyperparameter.format(minLearningRate));
        }
    }

    /**
     * The published methodology: BiLSTM 3 × 256, focal loss, Adam 1e-3, 30 epochs, batch 16. It is every
     * hyperparameter's {@link Hyperparameter#defaultValue() default}, so the table states its values once.
     */
    public static Hyperparameters methodology() {
        return builder().build();
    }

    /** A small network for a first look in seconds: the methodology with these changes. */
    public static Hyperparameters quick() {
        return methodology().toBuilder()
                .set(Hyperparameter.LAYERS, 1)
                .set(Hyperparameter.HIDDEN_UNITS, 32)
                .set(Hyperparameter.DROPOUT, 0.2)
                .set(Hyperparameter.DENSE_UNITS, 32)
                .set(Hyperparameter.LEARNING_RATE, 3e-3)
                .set(Hyperparameter.L2, 1e-4)
                .set(Hyperparameter.BATCH_SIZE, 32)
                .set(Hyperparameter.EPOCHS, 8)
                .set(Hyperparameter.GRADIENT_CLIP, 1.0)
                .set(Hyperparameter.LOSS, Loss.CROSS_ENTROPY)
                .set(Hyperparameter.FOCAL_GAMMA, 2.0)
                .set(Hyperparameter.PLATEAU_FACTOR, 0.5)
                .set(Hyperparameter.PLATEAU_PATIENCE, 3)
                .set(Hyperparameter.MIN_LEARNING_RATE, 1e-6)
                .set(Hyperparameter.EARLY_STOPPING_PATIENCE, 4)
                .build();
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

    /** The keys that {@link #withOverride} accepts: those of {@link Hyperparameter#all()}. */
    public static List<String> keys() {
        return Hyperparameter.keys();
    }

    /** A copy with one field changed, from text (the CLI's {@code --set key=value}). */
    public Hyperparameters withOverride(String key, String value) {
        return Hyperparameter.byKey(key).withText(this, value);
    }

    /** A builder holding every hyperparameter's default (the methodology's values). */
    public static Builder builder() {
        Builder builder = new Builder();
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            builder.values.put(hyperparameter, hyperparameter.defaultValue());
        }
        return builder;
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            builder.values.put(hyperparameter, hyperparameter.get(this));
        }
        return builder;
    }

    /** Collects values by descriptor and checks them all at once, so rules across two values see both. */
    public static final class Builder {

        private final Map<Hyperparameter<?>, Object> values = new HashMap<>();

        private Builder() {
        }

        public <T> Builder set(Hyperparameter<T> hyperparameter, T value) {
            values.put(hyperparameter, value);
            return this;
        }

        /** Sets a value from text, as {@link Hyperparameter#parse} reads it. */
        public Builder setText(Hyperparameter<?> hyperparameter, String text) {
            values.put(hyperparameter, hyperparameter.parse(text));
            return this;
        }

        /** The value, checked; the compiler keeps this list in step with the record's components. */
        public Hyperparameters build() {
            return new Hyperparameters(value(Hyperparameter.CELL), value(Hyperparameter.BIDIRECTIONAL),
                    value(Hyperparameter.LAYERS), value(Hyperparameter.HIDDEN_UNITS), value(Hyperparameter.DROPOUT),
                    value(Hyperparameter.POOLING), value(Hyperparameter.DENSE_UNITS), value(Hyperparameter.OPTIMISER),
                    value(Hyperparameter.LEARNING_RATE), value(Hyperparameter.WEIGHT_DECAY),
                    value(Hyperparameter.MOMENTUM), value(Hyperparameter.L2), value(Hyperparameter.BATCH_SIZE),
                    value(Hyperparameter.EPOCHS), value(Hyperparameter.GRADIENT_CLIP), value(Hyperparameter.LOSS),
                    value(Hyperparameter.FOCAL_ALPHA), value(Hyperparameter.FOCAL_GAMMA),
                    value(Hyperparameter.SCHEDULER), value(Hyperparameter.PLATEAU_FACTOR),
                    value(Hyperparameter.PLATEAU_PATIENCE), value(Hyperparameter.MIN_LEARNING_RATE),
                    value(Hyperparameter.EARLY_STOPPING_PATIENCE), value(Hyperparameter.EARLY_STOPPING_METRIC),
                    value(Hyperparameter.NOISE_SIGMA), value(Hyperparameter.TEMPORAL_DROPOUT),
                    value(Hyperparameter.SHUFFLE_PROBABILITY), value(Hyperparameter.SEED),
                    value(Hyperparameter.WEIGHT_INIT));
        }

        private <T> T value(Hyperparameter<T> hyperparameter) {
            return hyperparameter.type().cast(values.get(hyperparameter));
        }
    }

    /** The key settings in a few words, for run tables. */
    public Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("cell", (bidirectional ? "Bi" : "") + cell + " " + layers + "×" + hiddenUnits);
        summary.put("dropout", Hyperparameter.format(dropout));
        summary.put("lr", Hyperparameter.format(learningRate));
        summary.put("batch", Integer.toString(batchSize));
        summary.put("loss", loss.name().toLowerCase(Locale.ROOT));
        return summary;
    }

    /** The hyperparameters as a JSON object, one field per {@link Hyperparameter}, in the table's order. */
    public String toJson() {
        ObjectNode tree = JSON.createObjectNode();
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            tree.set(hyperparameter.key(), JSON.valueToTree(hyperparameter.get(this)));
        }
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Reads hyperparameters from JSON; fields left out keep the methodology's values. */
    public static Hyperparameters fromJson(String json, String source) {
        // Syntax errors and fractions given for whole numbers, named by line and column without Jackson's words.
        JsonInput.check(json, source, WHOLE_NUMBER_KEYS);
        JsonNode given;
        try {
            given = JSON.readTree(json);
        } catch (IOException unreadable) {
            throw new ConfigException(source + ": not valid hyperparameter JSON (" + unreadable.getMessage() + ")",
                    unreadable);
        }
        if (given == null || !given.isObject()) {
            throw new ConfigException(source + ": expected a JSON object of hyperparameters");
        }
        try {
            Builder builder = methodology().toBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Hyperparameter<?> hyperparameter = Hyperparameter.byKey(field.getKey());
                if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    throw new ConfigException("\"" + field.getValue() + "\" is not a valid value for "
                            + hyperparameter.key());
                }
                JsonNode value = field.getValue();
                // 16.0 is the whole number 16 (JsonInput has already refused 16.7).
                boolean wholeNumber = hyperparameter.isWhole() && value.isNumber()
                        && value.asDouble() == Math.rint(value.asDouble());
                builder.setText(hyperparameter, wholeNumber ? Long.toString(value.longValue()) : value.asText());
            }
            return builder.build();
        } catch (ConfigException invalid) {
            throw new ConfigException(source + ": " + invalid.getMessage(), invalid);
        }
    }

    /**
     * How Jackson reads hyperparameters inside another saved file (a run's {@code config.json}): as
     * {@link #fromJson}, so a key the file lacks (a setting added since it was written) reads as its default
     * rather than as Jackson's null or 0. A key this version does not know (a setting of a newer version) is
     * left out, as the lenient readers of saved runs always did.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Hyperparameters fromJsonTree(JsonNode tree) {
        JsonNode known = tree;
        if (tree instanceof ObjectNode object) {
            known = object.deepCopy().retain(Hyperparameter.keys());
        }
        return fromJson(known.toString(), "hyperparameters");
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
}
