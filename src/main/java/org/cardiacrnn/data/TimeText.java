package org.cardiacrnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads time points written as text, such as {@code day7}, {@code D7}, {@code d07}, {@code 7d}, {@code 12h},
 * {@code 72 hours} or {@code Day 11}. A column is read in one unit only: when its values mix units (days and
 * hours), they are all converted to the larger unit that occurs, so {@code 12h} next to {@code day1} becomes 0.5.
 */
public final class TimeText {

    /** Units a time can be written in, largest last so that mixing units picks the larger one. */
    public enum Unit {
        MINUTES("minutes", 1.0 / 60), HOURS("hours", 1), DAYS("days", 24), WEEKS("weeks", 24 * 7);

        private final String label;
        private final double hours;

        Unit(String label, double hours) {
            this.label = label;
            this.hours = hours;
        }

        public String label() {
            return label;
        }
    }

    /**
     * How a column of text was read.
     *
     * @param unit    the unit every value was converted to
     * @param numbers one number per value (NaN where the value was empty or NA)
     * @param mapping each distinct text with its number, in ascending order of the number
     */
    public record Reading(Unit unit, double[] numbers, List<Mapping> mapping) {

        /** One distinct text and the number it became. */
        public record Mapping(String text, double value) {
        }

        /** E.g. {@code text parsed as days (day0 -> 0 ... day15 -> 15)}. */
        public String describe() {
            Mapping first = mapping.get(0);
            Mapping last = mapping.get(mapping.size() - 1);
            String range = mapping.size() == 1 ? first.text() + " -> " + number(first.value())
                    : first.text() + " -> " + number(first.value()) + " ... " + last.text() + " -> "
                    + number(last.value());
            return "text parsed as " + unit.label() + " (" + range + ")";
        }
    }

    private static final Pattern PREFIX = Pattern.compile("(?i)(day|days|d|hour|hours|hr|hrs|h|week|weeks|wk|w"
            + "|minute|minutes|min|m)[\\s_.-]*(\\d+(?:\\.\\d+)?)");
    private static final Pattern SUFFIX = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)[\\s_.-]*(day|days|d|hour|hours|hr"
            + "|hrs|h|week|weeks|wk|w|minute|minutes|min|m)");

    private TimeText() {
    }

    /** Reads every non-empty value as a time, or returns empty when any value is not written as one. */
    public static Optional<Reading> read(List<String> values) {
        double[] hours = new double[values.size()];
        Unit largest = null;
        boolean any = false;
        for (int i = 0; i < hours.length; i++) {
            String text = values.get(i) == null ? "" : values.get(i).trim();
            if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
                hours[i] = Double.NaN;
                continue;
            }
            Optional<Parsed> parsed = parse(text);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            any = true;
            hours[i] = parsed.get().value() * parsed.get().unit().hours;
            if (largest == null || parsed.get().unit().compareTo(largest) > 0) {
                largest = parsed.get().unit();
            }
        }
        if (!any) {
            return Optional.empty();
        }
        TreeMap<Double, String> distinct = new TreeMap<>();
        double[] numbers = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            numbers[i] = hours[i] / largest.hours;
            if (!Double.isNaN(numbers[i])) {
                distinct.putIfAbsent(numbers[i], values.get(i).trim());
            }
        }
        List<Reading.Mapping> mapping = new ArrayList<>();
        distinct.forEach((value, text) -> mapping.add(new Reading.Mapping(text, value)));
        return Optional.of(new Reading(largest, numbers, mapping));
    }

    private record Parsed(double value, Unit unit) {
    }

    private static Optional<Parsed> parse(String text) {
        Matcher prefix = PREFIX.matcher(text);
        if (prefix.matches()) {
            return Optional.of(new Parsed(Double.parseDouble(prefix.group(2)), unit(prefix.group(1))));
        }
        Matcher suffix = SUFFIX.matcher(text);
        if (suffix.matches()) {
            return Optional.of(new Parsed(Double.parseDouble(suffix.group(1)), unit(suffix.group(2))));
        }
        return Optional.empty();
    }

    private static Unit unit(String word) {
        return switch (word.toLowerCase(Locale.ROOT).charAt(0)) {
            case 'd' -> Unit.DAYS;
            case 'h' -> Unit.HOURS;
            case 'w' -> Unit.WEEKS;
            default -> Unit.MINUTES;
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
