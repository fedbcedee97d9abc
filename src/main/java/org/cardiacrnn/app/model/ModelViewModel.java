package org.cardiacrnn.app.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * The Model page: every hyperparameter as an editable field grouped by category, validated as it is typed,
 * presets, save/load as JSON, and the network's parameter count and memory estimate kept up to date.
 */
public final class ModelViewModel {

    /** One editable hyperparameter. Its value is the text or choice shown; invalid values keep the last good one. */
    public static final class Field {
        private final Hyperparameter<?> hyperparameter;
        private final ObjectProperty<Object> value = new SimpleObjectProperty<>();
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        Field(Hyperparameter<?> hyperparameter) {
            this.hyperparameter = hyperparameter;
        }

        public String key() {
            return hyperparameter.key();
        }

        /** The message key of the field's category, e.g. {@code category.network}. */
        public String category() {
            return hyperparameter.category().messageKey();
        }

        /** Boolean, Integer, Long, Double or the enum of the choices. */
        public Class<?> type() {
            return hyperparameter.type();
        }

        public ObjectProperty<Object> valueProperty() {
            return value;
        }

        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private boolean updatingFields;

    public ModelViewModel(WorkbenchSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        for (Hyperparameter.Category category : Hyperparameter.Category.values()) {
            for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
                if (hyperparameter.category() == category) {
                    Field field = new Field(hyperparameter);
                    field.valueProperty().addListener((obs, old, value) -> edited(field, value));
                    fields.add(field);
                }
            }
        }
        session.hyperparametersProperty().addListener((obs, old, hp) -> showValues(hp));
        session.preparedDataProperty().addListener((obs, old, prepared) -> refreshSize());
        session.datasetProperty().addListener((obs, old, data) -> refreshSize());
        showValues(session.hyperparametersProperty().get());
    }

    private void showValues(Hyperparameters hp) {
        updatingFields = true;
        try {
            for (Field field : fields) {
                field.value.set(field.hyperparameter.get(hp));
                field.problem.set("");
            }
        } finally {
            updatingFields = false;
        }
        problem.set("");
        refreshSize();
    }

    private void edited(Field field, Object value) {
        if (updatingFields || value == null) {
            return;
        }
        Hyperparameters current = session.hyperparametersProperty().get();
        String text = value instanceof Enum<?> constant ? constant.name() : String.valueOf(value).strip();
        if (sameValue(text, field.hyperparameter.get(current))) {
            // Typing the last good value back must clear the error, not leave Train disabled.
            field.problem.set("");
            refreshProblem();
            return;
        }
        try {
            Hyperparameters changed = field.hyperparameter.withText(current, text);
            field.problem.set("");
            updatingFields = true;
            try {
                session.hyperparametersProperty().set(changed);
            } finally {
                updatingFields = false;
            }
            refreshSize();
        } catch (WorkbenchException invalid) {
            field.problem.set(inUserTerms(field.key(), invalid.getMessage()));
        }
        refreshProblem();
    }

    private static boolean sameValue(String text, Object current) {
        if (text.equals(String.valueOf(current))) {
            return true;
        }
        if (current instanceof Number number && !text.isEmpty()) {
            try {
                return Double.parseDouble(text) == number.doubleValue();
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return false;
    }

    /** The engine names settings as in the JSON file; the page names them as its labels do. */
    private static String inUserTerms(String key, String message) {
        String label = I18n.text("hp." + key);
        String named = message.replace("\"" + key + "\"", label).replaceAll("\\b" + key + "\\b", label);
        return Character.toUpperCase(named.charAt(0)) + named.substring(1);
    }

    private void refreshProblem() {
        problem.set(fields.stream().map(f -> f.problem.get()).filter(p -> !p.isEmpty()).findFirst().orElse(""));
    }

    private void refreshSize() {
        Hyperparameters hp = session.hyperparametersProperty().get();
        PreparedData prepared = session.preparedDataProperty().get();
        int features;
        int steps;
        int classes;
        if (prepared != null) {
            features = prepared.train().featureCount();
            steps = prepared.train().timeSteps();
            classes = prepared.classNames().size();
        } else if (session.datasetProperty().get() != null) {
            features = Math.min(2000, session.datasetProperty().get().matrix().geneCount());
            steps = 10;
            classes = 4;
        } else {
            features = 2000;
            steps = 10;
            classes = 4;
        }
        long parameters = NetworkFactory.parameterCount(hp, features, classes);
        size.set(I18n.text("model.size", String.format(Locale.ROOT, "%,d", parameters),
                NetworkFactory.formatBytes(NetworkFactory.estimatedTrainingMemoryBytes(hp, features, steps, classes)),
                features, steps, classes));
    }

    /** Replaces every setting with a preset's. */
    public void applyPreset(String name) {
        session.presetNameProperty().set(name);
        session.hyperparametersProperty().set(Hyperparameters.preset(name));
    }

    /** Saves the settings as JSON in the background. */
    public void save(Path file) {
        Hyperparameters hp = session.hyperparametersProperty().get();
        executor.submit(I18n.text("model.saving"), progress -> {
            hp.save(file);
            return file;
        }, saved -> { }, failure -> error.set(UserError.of(I18n.text("model.error.save"), failure)));
    }

    /** Loads settings from a JSON file in the background. */
    public void load(Path file) {
        executor.submit(I18n.text("model.loading"), progress -> Hyperparameters.load(file), hp -> {
            session.presetNameProperty().set("custom");
            session.hyperparametersProperty().set(hp);
        }, failure -> error.set(UserError.of(I18n.text("model.error.load"), failure)));
    }

    public void dismissError() {
        error.set(null);
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    /** Categories in display order (their bundle keys). */
    public List<String> categories() {
        List<String> keys = new ArrayList<>();
        for (Hyperparameter.Category category : Hyperparameter.Category.values()) {
            keys.add(category.messageKey());
        }
        return keys;
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public WorkbenchSession session() {
        return session;
    }
}
