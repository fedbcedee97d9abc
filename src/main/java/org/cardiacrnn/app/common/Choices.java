package org.cardiacrnn.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.util.StringConverter;

import org.cardiacrnn.figures.ConfusionMode;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.sequences.SequenceConfig;
import org.cardiacrnn.sequences.SplitConfig;
import org.cardiacrnn.sweeps.Objective;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.training.StopReason;

/**
 * Names of engine choices (enums) in the user's words: key {@code choice.<Enum>.<constant>} in the
 * message bundle. Every enum shown in the GUI is listed in {@link #ENUMS}, so a test can check its keys.
 */
public final class Choices {

    /** The enums whose constants the GUI shows: these, and every choice of the hyperparameter table. */
    public static final List<Class<? extends Enum<?>>> ENUMS = withHyperparameterChoices(
            SequenceConfig.Builder.class, SequenceConfig.MissingTimePoints.class, SplitConfig.Kind.class,
            PreprocessingConfig.LibraryNormalisation.class, PreprocessingConfig.Scaling.class, RunState.class,
            ConfusionMode.class, StopReason.class, Objective.class, SweepSpec.Strategy.class,
            Trial.TrialState.class);

    @SafeVarargs
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Enum<?>>> withHyperparameterChoices(Class<? extends Enum<?>>... others) {
        List<Class<? extends Enum<?>>> all = new ArrayList<>(List.of(others));
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            if (hyperparameter.type().isEnum()) {
                all.add((Class<? extends Enum<?>>) hyperparameter.type());
            }
        }
        return List.copyOf(all);
    }

    private Choices() {
    }

    public static String key(Enum<?> value) {
        return "choice." + value.getDeclaringClass().getSimpleName() + "." + value.name().toLowerCase(Locale.ROOT);
    }

    public static String label(Enum<?> value) {
        return value == null ? "" : I18n.text(key(value));
    }

    /** A converter for combo boxes of enum constants. */
    public static <T extends Enum<T>> StringConverter<T> converter(Class<T> type) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return label(value);
            }

            @Override
            public T fromString(String text) {
                for (T constant : type.getEnumConstants()) {
                    if (label(constant).equals(text)) {
                        return constant;
                    }
                }
                return null;
            }
        };
    }
}
