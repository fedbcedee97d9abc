package org.cardiacrnn.app.training;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * Names a run so that two runs of one preset read apart in the Runs table and in Compare's legend: the preset,
 * the settings changed from it, the dataset and the start time. Runs named after the preset and dataset alone
 * came out identical.
 */
final class RunNames {

    /** Beyond this many changed settings the name says how many more, so it stays one legend line. */
    static final int SETTINGS_NAMED = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private RunNames() {
    }

    static String of(String preset, Hyperparameters settings, String dataset, LocalTime started) {
        StringBuilder name = new StringBuilder(preset);
        List<String> changed = changedSettings(preset, settings);
        if (!changed.isEmpty()) {
            name.append(' ').append(String.join(" ", changed.subList(0, Math.min(SETTINGS_NAMED, changed.size()))));
            if (changed.size() > SETTINGS_NAMED) {
                name.append(" +").append(changed.size() - SETTINGS_NAMED);
            }
        }
        String slug = dataset.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        return name + " · " + slug + " · " + TIME.format(started);
    }

    /** "key=value" for each setting that differs from the preset's, in the hyperparameter table's order. */
    static List<String> changedSettings(String preset, Hyperparameters settings) {
        List<String> changed = new ArrayList<>();
        if (!Hyperparameters.presetNames().contains(preset)) {
            return changed;
        }
        Hyperparameters base = Hyperparameters.preset(preset);
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            if (!Objects.equals(hyperparameter.get(base), hyperparameter.get(settings))) {
                changed.add(hyperparameter.key() + "=" + text(hyperparameter, settings));
            }
        }
        return changed;
    }

    private static <T> String text(Hyperparameter<T> hyperparameter, Hyperparameters settings) {
        return hyperparameter.format(hyperparameter.get(settings));
    }
}
