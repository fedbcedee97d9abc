package org.cardiacrnn.hyperparameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.io.JsonInput;

/**
 * Every setting of the network and its training, as one immutable value saved with each run: one value per
 * {@link Hyperparameter} descriptor, which describes it once (range, unit, category, default, label, help), so a
 * new hyperparameter needs no change here. Read a value with {@code Hyperparameter.X.get(hp)} or {@link #get};
 * the named accessors below are shorthands for the settings the code has long read. The constructor checks every
 * value against its descriptor and says what is wrong in a biologist's words. Build values with {@link #builder()}
 * (which starts from the defaults) or {@link #toBuilder()}.
 */
public final class Hyperparameters {

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

    /**
     * Made on first use: Jackson's start-up (about 45 ms of CPU) otherwise ran on the window's thread before its
     * first frame, which reads no JSON.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Indexed by {@link Hyperparameter#index()}, the descriptor's place in {@link Hyperparameter#all()}. */
    private final Object[] values;

    /** Checks every value against its {@link Hyperparameter} descriptor, then the one rule across two of them. */
    private Hyperparameters(Object[] values) {
        this.values = values;
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            hyperparameter.validate(this);
        }
        if (minLearningRate() > learningRate()) {
            throw new ConfigException("minLearningRate must be between 0 and learningRate; got "
                    + Hyperparameter.format(minLearningRate()));
        }
    }

    Object value(int index) {
        return values[index];
    }

    /** The value of {@code hyperparameter}; the same as {@code hyperparameter.get(this)}. */
    public <T> T get(Hyperparameter<T> hyperparameter) {
        return hyperparameter.get(this);
    }

    public Cell cell() {
        return get(Hyperparameter.CELL);
    }

    public boolean bidirectional() {
        return get(Hyperparameter.BIDIRECTIONAL);
    }

    public int layers() {
        return get(Hyperparameter.LAYERS);
    }

    public int hiddenUnits() {
        return get(Hyperparameter.HIDDEN_UNITS);
    }

    /** Fraction of inputs dropped (0 = none); DL4J's own setting is the fraction kept. */
    public double dropout() {
        return get(Hyperparameter.DROPOUT);
    }

    public Pooling pooling() {
        return get(Hyperparameter.POOLING);
    }

    public int denseUnits() {
        return get(Hyperparameter.DENSE_UNITS);
    }

    public Optimiser optimiser() {
        return get(Hyperparameter.OPTIMISER);
    }

    public double learningRate() {
        return get(Hyperparameter.LEARNING_RATE);
    }

    public double weightDecay() {
        return get(Hyperparameter.WEIGHT_DECAY);
    }

    public double momentum() {
        return get(Hyperparameter.MOMENTUM);
    }

    public double l2() {
        return get(Hyperparameter.L2);
    }

    public int batchSize() {
        return get(Hyperparameter.BATCH_SIZE);
    }

    public int epochs() {
        return get(Hyperparameter.EPOCHS);
    }

    /** Element-wise absolute clipping of gradients (0 = none). */
    public double gradientClip() {
        return get(Hyperparameter.GRADIENT_CLIP);
    }

    public Loss loss() {
        return get(Hyperparameter.LOSS);
    }

    public double focalAlpha() {
        return get(Hyperparameter.FOCAL_ALPHA);
    }

    public double focalGamma() {
        return get(Hyperparameter.FOCAL_GAMMA);
    }

    public Scheduler scheduler() {
        return get(Hyperparameter.SCHEDULER);
    }

    public double plateauFactor() {
        return get(Hyperparameter.PLATEAU_FACTOR);
    }

    public int plateauPatience() {
        return get(Hyperparameter.PLATEAU_PATIENCE);
    }

    public double minLearningRate() {
        return get(Hyperparameter.MIN_LEARNING_RATE);
    }

    /** Epochs without improvement before stopping (0 = never stop early). */
    public int earlyStoppingPatience() {
        return get(Hyperparameter.EARLY_STOPPING_PATIENCE);
    }

    public StoppingMetric earlyStoppingMetric() {
        return get(Hyperparameter.EARLY_STOPPING_METRIC);
    }

    public double noiseSigma() {
        return get(Hyperparameter.NOISE_SIGMA);
    }

    public double temporalDropout() {
        return get(Hyperparameter.TEMPORAL_DROPOUT);
    }

    /** Chance per sequence of swapping two neighbouring time steps (augmentation). */
    public double shuffleProbability() {
        return get(Hyperparameter.SHUFFLE_PROBABILITY);
    }

    public long seed() {
        return get(Hyperparameter.SEED);
    }

    public WeightInitialisation weightInit() {
        return get(Hyperparameter.WEIGHT_INIT);
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

        /** The value, checked as a whole. */
        public Hyperparameters build() {
            List<Hyperparameter<?>> all = Hyperparameter.all();
            Object[] checked = new Object[all.size()];
            for (Hyperparameter<?> hyperparameter : all) {
                checked[hyperparameter.index()] = hyperparameter.type().cast(values.get(hyperparameter));
            }
            return new Hyperparameters(checked);
        }
    }

    /** The key settings in a few words, for run tables. */
    public Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("cell", (bidirectional() ? "Bi" : "") + cell() + " " + layers() + "×" + hiddenUnits());
        summary.put("dropout", Hyperparameter.format(dropout()));
        summary.put("lr", Hyperparameter.format(learningRate()));
        summary.put("batch", Integer.toString(batchSize()));
        summary.put("loss", loss().name().toLowerCase(Locale.ROOT));
        return summary;
    }

    /**
     * The hyperparameters as Jackson writes them inside another saved file (a run's {@code config.json}): one
     * field per {@link Hyperparameter}, in the table's order, as the record this class once was wrote them.
     */
    @JsonValue
    private Map<String, Object> byKey() {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            byKey.put(hyperparameter.key(), values[hyperparameter.index()]);
        }
        return byKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hyperparameters hyperparameters && Arrays.equals(values, hyperparameters.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return byKey().entrySet().stream().map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining(", ", "Hyperparameters[", "]"));
    }

    /** The hyperparameters as a JSON object, one field per {@link Hyperparameter}, in the table's order. */
    public String toJson() {
        ObjectNode tree = Json.MAPPER.createObjectNode();
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            tree.set(hyperparameter.key(), Json.MAPPER.valueToTree(hyperparameter.get(this)));
        }
        try {
            return Json.MAPPER.writeValueAsString(tree);
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
            given = Json.MAPPER.readTree(json);
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
