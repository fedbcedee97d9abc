package org.cardiacrnn.app.session;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * What the pages share: the dataset in use and the roles of its metadata columns. Each page's
 * view-model reads and writes this instead of talking to other pages, so a page never needs to know
 * which other pages exist.
 */
public final class WorkbenchSession {

    private final ObjectProperty<ExpressionData> dataset = new SimpleObjectProperty<>();
    private final StringProperty datasetName = new SimpleStringProperty("");
    private final StringProperty timeColumn = new SimpleStringProperty();
    private final StringProperty labelColumn = new SimpleStringProperty();
    private final StringProperty groupColumn = new SimpleStringProperty();
    private LoadRequest loadRequest;
    private final ObjectProperty<RunResult> currentRun = new SimpleObjectProperty<>();
    private final ObjectProperty<PreparedData> preparedData = new SimpleObjectProperty<>();
    private final ObjectProperty<PreparationConfig> preparationConfig = new SimpleObjectProperty<>();
    private final ObjectProperty<Hyperparameters> hyperparameters = new SimpleObjectProperty<>(Hyperparameters.quick());
    private final StringProperty presetName = new SimpleStringProperty("quick");

    public ObjectProperty<ExpressionData> datasetProperty() {
        return dataset;
    }

    public StringProperty datasetNameProperty() {
        return datasetName;
    }

    /** Numeric column giving each sample's time (day, hours, pseudotime). */
    public StringProperty timeColumnProperty() {
        return timeColumn;
    }

    /** Column giving the class to predict (trajectory, lineage, cell type). */
    public StringProperty labelColumnProperty() {
        return labelColumn;
    }

    /** Column giving the biological replicate (donor, cell line, batch); may be null. */
    public StringProperty groupColumnProperty() {
        return groupColumn;
    }

    /** Sequences and splits ready for training (null until prepared, and again after a new dataset). */
    public ObjectProperty<PreparedData> preparedDataProperty() {
        return preparedData;
    }

    /** The settings {@link #preparedDataProperty()} was made with, saved with every run. */
    public ObjectProperty<PreparationConfig> preparationConfigProperty() {
        return preparationConfig;
    }

    /** How the current dataset was read, or null when it did not come from files. */
    public LoadRequest loadRequest() {
        return loadRequest;
    }

    /** The settings the next training uses (edited on the Model page). */
    public ObjectProperty<Hyperparameters> hyperparametersProperty() {
        return hyperparameters;
    }

    /** The preset the current hyperparameters started from ("custom" once loaded from a file). */
    public StringProperty presetNameProperty() {
        return presetName;
    }

    /** The run whose results the Evaluation page shows. */
    public ObjectProperty<RunResult> currentRunProperty() {
        return currentRun;
    }

    /** Makes a freshly loaded dataset current and guesses its column roles. */
    public void useDataset(String name, ExpressionData data) {
        useDataset(name, data, null);
    }

    /**
     * Makes a dataset loaded from files current, remembering how it was read so a run's config can load it
     * again (null for data that did not come from files).
     */
    public void useDataset(String name, ExpressionData data, LoadRequest request) {
        loadRequest = request;
        ColumnRoles roles = ColumnRoles.guess(data.metadata());
        timeColumn.set(roles.time());
        labelColumn.set(roles.label());
        groupColumn.set(roles.group());
        preparedData.set(null);
        datasetName.set(name);
        dataset.set(data);
    }

    /**
     * How runs started now prepare their data: the Sequences page's settings once it has built sequences,
     * otherwise the recommended preparation for the data on the chosen column roles.
     *
     * @throws org.cardiacrnn.WorkbenchException when the time or class column is not chosen
     */
    public PreparationConfig effectivePreparation() {
        PreparationConfig configured = preparationConfig.get();
        if (preparedData.get() != null && configured != null) {
            return configured;
        }
        return PreparationConfig.recommended(dataset.get(), new ColumnRoles(timeColumn.get(), labelColumn.get(),
                groupColumn.get()));
    }

    /** Where the current data came from, for a run's or sweep's config. */
    public DataSpec dataSpec() {
        if (loadRequest != null) {
            return DataSpec.of(loadRequest);
        }
        // Data built in memory has no files to reload; its source name is kept for the user's reference.
        String source = dataset.get().report().source();
        return new DataSpec(source, null, null, null, null, null, null, null, null);
    }
}
