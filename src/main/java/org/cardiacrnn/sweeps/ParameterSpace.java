package org.cardiacrnn.sweeps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one hyperparameter varies in a sweep: either a list of {@code values} (any type, as text, e.g.
 * {@code ["LSTM", "SIMPLE_RNN"]}), or a numeric range from {@code min} to {@code max}. A grid takes
 * {@code steps} evenly spaced points of a range (geometrically spaced with {@code scale} LOG); random and
 * model-based search draw anywhere in it (log-uniformly with LOG). Integer hyperparameters are rounded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSpace(String key, List<String> values, Double min, Double max, Integer steps, Scale scale) {

    /** Spacing of a numeric range. */
    public enum Scale { LINEAR, LOG }

    public ParameterSpace {
        values = values == null ? null : List.copyOf(values);
        scale = scale == null ? Scale.LINEAR : scale;
    }

    public static ParameterSpace of(String key, String... values) {
        return new ParameterSpace(key, List.of(values), null, null, null, null);
    }

    public static ParameterSpace range(String key, double min, double max, Integer steps, Scale scale) {
        return new ParameterSpace(key, null, min, max, steps, scale);
    }

    /** True for a list of values, false for a range. */
    @JsonIgnore
    public boolean isList() {
        return values != null;
    }

    /** The points a grid visits, as text ready for {@link org.cardiacrnn.hyperparameters.Hyperparameter#parse}. */
    public List<String> gridValues(boolean integer) {
        if (isList()) {
            return values;
        }
        int count = steps == null ? 3 : steps;
        List<String> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double fraction = count == 1 ? 0 : i / (double) (count - 1);
            String point = text(at(fraction), integer);
            if (!points.contains(point)) {
                points.add(point);
            }
        }
        return points;
    }

    /** The value at a position in [0, 1] along the range (log-spaced with LOG). */
    public double at(double fraction) {
        if (scale == Scale.LOG) {
            return Math.exp(Math.log(min) + fraction * (Math.log(max) - Math.log(min)));
        }
        return min + fraction * (max - min);
    }

    /** Where a value lies along the range, the inverse of {@link #at}. */
    public double position(double value) {
        if (max.equals(min)) {
            return 0;
        }
        if (scale == Scale.LOG) {
            return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (value - min) / (max - min);
    }

    /** Text for a numeric value: integers without a decimal point, others with 4 significant digits, no exponent. */
    public static String text(double value, boolean integer) {
        if (integer) {
            return Long.toString(Math.round(value));
        }
        BigDecimal rounded = new BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros();
        return rounded.toPlainString();
    }

    /** The range or list in a few words, for tables and logs. */
    public String describe() {
        if (isList()) {
            return String.join(", ", values);
        }
        return text(min, false) + " … " + text(max, false) + (scale == Scale.LOG ? " (log)" : "")
                + (steps != null ? ", " + steps + " steps" : "");
    }
}
