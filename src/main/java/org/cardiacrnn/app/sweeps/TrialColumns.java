package org.cardiacrnn.app.sweeps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.sweeps.Objective;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.Trial;

/**
 * What the trial table shows for a sweep: which columns, their headers, widths and cell values, how each
 * sorts and how the objective is written. Decided here so the page only turns each column into a table column.
 */
public final class TrialColumns {

    /**
     * One column of the trial table.
     *
     * @param value      the cell's value for a trial: shown by its {@code toString}, sorted by {@link #ORDER}
     * @param descending whether the column's first sort is descending (an objective where higher is better)
     */
    public record Column(String header, Function<Trial, Object> value, double width, boolean descending) {
    }

    /**
     * A cell that shows {@code text} but sorts by {@code number} when both cells are numbers (so "10" comes
     * after "9"), by text otherwise.
     */
    public record Value(String text, double number) implements Comparable<Value> {

        /** A value as written in the spec, a number when it reads as one. */
        static Value of(String text) {
            if (text == null) {
                return new Value("", Double.NaN);
            }
            try {
                return new Value(text, Double.parseDouble(text));
            } catch (NumberFormatException word) {
                return new Value(text, Double.NaN);
            }
        }

        @Override
        public int compareTo(Value other) {
            if (Double.isNaN(number) || Double.isNaN(other.number)) {
                return text.compareTo(other.text);
            }
            return Double.compare(number, other.number);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The order of every column: empty cells last, like values by their own order, others by text. */
    public static int order(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable<?> comparable) {
            @SuppressWarnings("unchecked")
            Comparable<Object> same = (Comparable<Object>) comparable;
            return same.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private TrialColumns() {
    }

    /**
     * The columns for {@code spec} (null: no sweep shown, trial and state only). A worker column appears when
     * any of {@code trials} ran on a named worker.
     */
    public static List<Column> of(SweepSpec spec, List<Trial> trials) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(I18n.text("sweeps.column.trial"), Trial::number, 55, false));
        columns.add(new Column(I18n.text("sweeps.column.state"), trial -> Choices.label(trial.state()), 90, false));
        if (spec == null) {
            return columns;
        }
        if (trials.stream().anyMatch(trial -> trial.worker() != null)) {
            columns.add(new Column(I18n.text("sweeps.column.worker"), trial -> trial.worker() == null ? ""
                    : trial.worker().describe(), 190, false));
        }
        for (ParameterSpace parameter : spec.parameters()) {
            columns.add(new Column(parameter.key(), trial -> Value.of(trial.values().get(parameter.key())),
                    Math.max(100, 9 * parameter.key().length() + 24), false));
        }
        Objective objective = spec.objective();
        columns.add(new Column(SweepViewModel.objectiveLabel(objective), trial -> trial.objective() == null ? null
                : new Value(format(objective, trial.objective()), trial.objective()), 185,
                objective.higherIsBetter()));
        columns.add(new Column(I18n.text("sweeps.column.epochs"), Trial::epochs, 70, false));
        columns.add(new Column(I18n.text("sweeps.column.duration"), trial -> Math.round(trial.seconds()), 90, false));
        columns.add(new Column(I18n.text("sweeps.column.note"), trial -> trial.message() == null ? ""
                : trial.message(), 360, false));
        return columns;
    }

    /** An objective's value as the table and the sweep list write it: loss to 4 places, accuracy in per cent. */
    public static String format(Objective objective, double value) {
        return objective == Objective.VALIDATION_LOSS ? String.format(Locale.ROOT, "%.4f", value)
                : objective == Objective.VALIDATION_ACCURACY ? String.format(Locale.ROOT, "%.1f %%", 100 * value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
