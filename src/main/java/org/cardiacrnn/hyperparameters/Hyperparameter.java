package org.cardiacrnn.hyperparameters;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cardiacrnn.hyperparameters.Hyperparameters.Cell;
import org.cardiacrnn.hyperparameters.Hyperparameters.Loss;
import org.cardiacrnn.hyperparameters.Hyperparameters.Optimiser;
import org.cardiacrnn.hyperparameters.Hyperparameters.Pooling;
import org.cardiacrnn.hyperparameters.Hyperparameters.Scheduler;
import org.cardiacrnn.hyperparameters.Hyperparameters.StoppingMetric;
import org.cardiacrnn.hyperparameters.Hyperparameters.WeightInitialisation;

/**
 * One hyperparameter, described once: its key (the JSON field, the CLI's {@code --set} name and the sweep
 * parameter), its type, unit, valid range, category, label and help (message keys), how to read it from a
 * {@link Hyperparameters} value and how to copy one with it changed; {@link Hyperparameters} stores one value per
 * descriptor, so a descriptor is all a new hyperparameter needs there. Validation, the Model page, the CLI,
 * JSON load/save and sweeps all read this table, and its defaults are the methodology preset. What adding a
 * hyperparameter takes is listed in CONTRIBUTING.md.
 *
 * @param <T> the value's type: Boolean, Integer, Long, Double or an enum
 */
public final class Hyperparameter<T> {

    /** Where the Model page shows a hyperparameter. */
    public enum Category {
        NETWORK, OPTIMISATION, LOSS, SCHEDULE, AUGMENTATION;

        /** The message key of the category's title. */
        public String messageKey() {
            return "category." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Valid values of a number: bounds, each included or not; infinite when there is none. */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {

        static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

        public boolean contains(double value) {
            return Double.isFinite(value) && (minIncluded ? value >= min : value > min)
                    && (maxIncluded ? value <= max : value < max);
        }

        String describe(boolean whole) {
            if (whole && Double.isFinite(max)) {
                return "be between " + format(min) + " and " + format(max);
            }
            if (Double.isInfinite(max)) {
                return minIncluded ? "be " + format(min) + " or more" : "be above " + format(min);
            }
            return "be in " + (minIncluded ? "[" : "(") + format(min) + ", " + format(max) + (maxIncluded ? "]" : ")");
        }
    }

    private static final Map<String, Hyperparameter<?>> BY_KEY = new LinkedHashMap<>();

    public static final Hyperparameter<Cell> CELL = choice("cell", Cell.class, Category.NETWORK, Cell.LSTM);
    public static final Hyperparameter<Boolean> BIDIRECTIONAL = new Hyperparameter<>("bidirectional", Boolean.class,
            "", Category.NETWORK, Range.ANY, true);
    public static final Hyperparameter<Integer> LAYERS = whole("layers", "layers", Category.NETWORK, 1, 10, 3);
    public static final Hyperparameter<Integer> HIDDEN_UNITS = whole("hiddenUnits", "units per direction",
            Category.NETWORK, 1, 4096, 256);
    public static final Hyperparameter<Double> DROPOUT = number("dropout", "fraction", Category.NETWORK,
            new Range(0, true, 1, false), 0.5);
    public static final Hyperparameter<Pooling> POOLING = choice("pooling", Pooling.class, Category.NETWORK,
            Pooling.MEAN);
    public static final Hyperparameter<Integer> DENSE_UNITS = whole("denseUnits", "units", Category.NETWORK, 0,
            4096, 128);
    public static final Hyperparameter<Optimiser> OPTIMISER = choice("optimiser", Optimiser.class,
            Category.OPTIMISATION, Optimiser.ADAM);
    public static final Hyperparameter<Double> LEARNING_RATE = number("learningRate", "per step",
            Category.OPTIMISATION, new Range(0, false, Double.POSITIVE_INFINITY, true), 1e-3);
    public static final Hyperparameter<Double> WEIGHT_DECAY = atLeastZero("weightDecay", "per step",
            Category.OPTIMISATION, 0.0);
    public static final Hyperparameter<Double> MOMENTUM = number("momentum", "", Category.OPTIMISATION,
            new Range(0, true, 1, false), 0.9);
    public static final Hyperparameter<Double> L2 = atLeastZero("l2", "", Category.OPTIMISATION, 1e-3);
    public static final Hyperparameter<Integer> BATCH_SIZE = whole("batchSize", "sequences", Category.OPTIMISATION,
            1, 100_000, 16);
    public static final Hyperparameter<Integer> EPOCHS = whole("epochs", "epochs", Category.OPTIMISATION, 1,
            100_000, 30);
    public static final Hyperparameter<Double> GRADIENT_CLIP = atLeastZero("gradientClip", "absolute value",
            Category.OPTIMISATION, 0.5);
    public static final Hyperparameter<Loss> LOSS = choice("loss", Loss.class, Category.LOSS, Loss.FOCAL);
    public static final Hyperparameter<Double> FOCAL_ALPHA = number("focalAlpha", "", Category.LOSS,
            new Range(0, false, Double.POSITIVE_INFINITY, true), 1.0);
    public static final Hyperparameter<Double> FOCAL_GAMMA = atLeastZero("focalGamma", "", Category.LOSS, 3.0);
    public static final Hyperparameter<Scheduler> SCHEDULER = choice("scheduler", Scheduler.class,
            Category.SCHEDULE, Scheduler.REDUCE_ON_PLATEAU);
    public static final Hyperparameter<Double> PLATEAU_FACTOR = number("plateauFactor", "factor",
            Category.SCHEDULE, new Range(0, false, 1, false), 0.3);
    public static final Hyperparameter<Integer> PLATEAU_PATIENCE = whole("plateauPatience", "epochs",
            Category.SCHEDULE, 1, 10_000, 4);
    public static final Hyperparameter<Double> MIN_LEARNING_RATE = atLeastZero("minLearningRate", "per step",
            Category.SCHEDULE, 1e-7);
    public static final Hyperparameter<Integer> EARLY_STOPPING_PATIENCE = whole("earlyStoppingPatience", "epochs",
            Category.SCHEDULE, 0, 100_000, 8);
    public static final Hyperparameter<StoppingMetric> EARLY_STOPPING_METRIC = choice("earlyStoppingMetric",
            StoppingMetric.class, Category.SCHEDULE, StoppingMetric.VALIDATION_LOSS);
    public static final Hyperparameter<Double> NOISE_SIGMA = atLeastZero("noiseSigma", "standard deviation",
            Category.AUGMENTATION, 0.01);
    public static final Hyperparameter<Double> TEMPORAL_DROPOUT = number("temporalDropout", "probability",
            Category.AUGMENTATION, new Range(0, true, 1, false), 0.0);
    public static final Hyperparameter<Double> SHUFFLE_PROBABILITY = number("shuffleProbability", "probability",
            Category.AUGMENTATION, new Range(0, true, 1, true), 0.0);
    public static final Hyperparameter<Long> SEED = new Hyperparameter<>("seed", Long.class, "",
            Category.AUGMENTATION, Range.ANY, 42L);
    /** Xavier by default: every run saved before this setting existed was trained with it. */
    public static final Hyperparameter<WeightInitialisation> WEIGHT_INIT = choice("weightInit",
            WeightInitialisation.class, Category.NETWORK, WeightInitialisation.XAVIER);
    /** 0.999, Adam's published value, which every run saved before this setting existed was trained with. */
    public static final Hyperparameter<Double> ADAM_BETA2 = number("adamBeta2", "decay per step",
            Category.OPTIMISATION, new Range(0, false, 1, false), 0.999);

    private final String key;
    private final Class<T> type;
    private final String unit;
    private final Category category;
    private final Range range;
    private final T defaultValue;
    private final int index;

    private Hyperparameter(String key, Class<T> type, String unit, Category category, Range range, T defaultValue) {
        this.key = key;
        this.type = type;
        this.unit = unit;
        this.category = category;
        this.range = range;
        this.defaultValue = defaultValue;
        this.index = BY_KEY.size();
        BY_KEY.put(key, this);
    }

    private static <E extends Enum<E>> Hyperparameter<E> choice(String key, Class<E> type, Category category,
                                                                E defaultValue) {
        return new Hyperparameter<>(key, type, "", category, Range.ANY, defaultValue);
    }

    private static Hyperparameter<Integer> whole(String key, String unit, Category category, int min, int max,
                                                 int defaultValue) {
        return new Hyperparameter<>(key, Integer.class, unit, category, new Range(min, true, max, true),
                defaultValue);
    }

    private static Hyperparameter<Double> number(String key, String unit, Category category, Range range,
                                                 double defaultValue) {
        return new Hyperparameter<>(key, Double.class, unit, category, range, defaultValue);
    }

    private static Hyperparameter<Double> atLeastZero(String key, String unit, Category category,
                                                      double defaultValue) {
        return number(key, unit, category, new Range(0, true, Double.POSITIVE_INFINITY, true), defaultValue);
    }

    /** Every hyperparameter, in the order declared here (the Model page's and JSON's order). */
    public static List<Hyperparameter<?>> all() {
        return List.copyOf(BY_KEY.values());
    }

    /** The keys of {@link #all()}. */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /** The hyperparameter with this key; a {@link ConfigException} naming the valid keys otherwise. */
    public static Hyperparameter<?> byKey(String key) {
        Hyperparameter<?> found = BY_KEY.get(key);
        if (found == null) {
            throw new ConfigException("unknown hyperparameter \"" + key + "\"; valid names are " + keys());
        }
        return found;
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    /** What a number counts, in a few words ("" when it is a plain number or not a number). */
    public String unit() {
        return unit;
    }

    public Category category() {
        return category;
    }

    /**
     * The methodology's value, which every preset keeps unless it sets another, and which a saved config that
     * lacks this key (one written before the setting existed) reads as.
     */
    public T defaultValue() {
        return defaultValue;
    }

    /** Valid values of a number ({@code ANY} for choices, switches and the seed). */
    public Range range() {
        return range;
    }

    /** The message key of the label the Model page shows. */
    public String labelKey() {
        return "hp." + key;
    }

    /** The message key of the one-sentence help the Model page shows. */
    public String helpKey() {
        return "hp." + key + ".help";
    }

    /** Whether the value is a whole number (sweep ranges of it are rounded). */
    public boolean isWhole() {
        return type == Integer.class || type == Long.class;
    }

    /** The enum's constants for a choice; empty otherwise. */
    public List<T> choices() {
        return type.isEnum() ? Arrays.asList(type.getEnumConstants()) : List.of();
    }

    /** This hyperparameter's value in {@code hp}. */
    public T get(Hyperparameters hp) {
        return type.cast(hp.value(index));
    }

    /** Where {@link Hyperparameters} keeps this hyperparameter's value: its place in {@link #all()}. */
    int index() {
        return index;
    }

    /** A copy of {@code hp} with this hyperparameter set to {@code value}, validated. */
    public Hyperparameters with(Hyperparameters hp, T value) {
        return hp.toBuilder().set(this, value).build();
    }

    /** A copy of {@code hp} with this hyperparameter set from text (the CLI's {@code --set}, a sweep's values). */
    public Hyperparameters withText(Hyperparameters hp, String text) {
        return with(hp, parse(text));
    }

    /**
     * Reads a value from text: true/false, a number, or an enum constant's name in any case.
     *
     * @throws ConfigException naming the key and, for a choice, the valid values
     */
    public T parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            Object value;
            if (type == Boolean.class) {
                if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                value = Boolean.parseBoolean(trimmed);
            } else if (type == Integer.class) {
                value = Integer.parseInt(trimmed);
            } else if (type == Long.class) {
                value = Long.parseLong(trimmed);
            } else if (type == Double.class) {
                value = Double.parseDouble(trimmed);
            } else {
                value = enumConstant(trimmed.toUpperCase(Locale.ROOT));
            }
            return type.cast(value);
        } catch (IllegalArgumentException notAValue) {
            throw new ConfigException("\"" + text + "\" is not a valid value for " + key
                    + (type.isEnum() ? " (one of " + choices() + ")" : ""), notAValue);
        }
    }

    private Object enumConstant(String name) {
        for (T constant : choices()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no constant " + name);
    }

    /** The value as text that {@link #parse} reads back. */
    public String format(T value) {
        return value instanceof Double number ? format(number.doubleValue()) : String.valueOf(value);
    }

    /** Checks this hyperparameter's value in {@code hp}, with a message naming it. */
    void validate(Hyperparameters hp) {
        T value = get(hp);
        if (value == null) {
            throw new ConfigException(key + " must be one of " + choices());
        }
        if (value instanceof Number number && range != Range.ANY && !range.contains(number.doubleValue())) {
            throw new ConfigException(key + " must " + range.describe(isWhole()) + "; got "
                    + format(number.doubleValue()));
        }
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public String toString() {
        return key;
    }
}
