package org.cardiacrnn.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.data.SingleCellOptions;
import org.cardiacrnn.data.SingleCellPreview;

/**
 * How to turn the cells of a single-cell file into samples: the columns to group by, pseudo-replicates,
 * minimum cells and lineage branches, with a preview of the groups and their cell counts. Reading the
 * annotations and computing the preview run in the background.
 */
public final class AggregationViewModel {

    /** Files with at least this many cells are aggregated rather than read cell by cell. */
    public static final int MANY_CELLS = 2000;

    private final TaskExecutor executor;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> groupBy = FXCollections.observableArrayList();
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<String> branchStates = FXCollections.observableArrayList();
    private final IntegerProperty replicates = new SimpleIntegerProperty(1);
    private final IntegerProperty minCells = new SimpleIntegerProperty(SingleCellOptions.DEFAULT_MIN_CELLS);
    private final StringProperty branchColumn = new SimpleStringProperty();
    private final StringProperty branches = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper cells = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private SingleCellPreview annotations;
    private TaskExecutor.Cancellable running;

    public AggregationViewModel(TaskExecutor executor) {
        this.executor = executor;
        branchColumn.addListener((obs, old, column) -> branchStates.setAll(annotations == null || column == null
                ? List.of() : annotations.distinctValues(column)));
    }

    /** Reads the file's cell annotations (and a cell metadata table joined on barcode, when given). */
    public void read(Path file, Path metadata) {
        message.set(I18n.text("aggregation.reading"));
        executor.submit(I18n.text("aggregation.reading"), progress -> SingleCellPreview.read(file, metadata),
                read -> {
                    annotations = read;
                    cells.set(read.cells());
                    columns.setAll(read.columns());
                    message.set(I18n.text("aggregation.cells", read.cells()));
                }, failure -> message.set(failure.getMessage()));
    }

    /** Recomputes the group preview for the current choices. */
    public void refreshPreview() {
        if (annotations == null) {
            return;
        }
        SingleCellOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            preview.clear();
            message.set(e.getMessage());
            return;
        }
        if (!options.aggregates()) {
            preview.clear();
            message.set(I18n.text("aggregation.chooseColumns"));
            return;
        }
        SingleCellPreview current = annotations;
        if (running != null) {
            running.cancel();
        }
        running = executor.submit(I18n.text("aggregation.previewing"), progress -> current.groups(options),
                groups -> {
                    List<String> lines = new ArrayList<>();
                    int kept = 0;
                    for (SingleCellPreview.Group group : groups) {
                        lines.add(I18n.text(group.kept() ? "aggregation.group" : "aggregation.group.dropped",
                                group.name(), group.cells()));
                        kept += group.kept() ? 1 : 0;
                    }
                    preview.setAll(lines);
                    message.set(I18n.text("aggregation.samples", kept, groups.size() - kept));
                }, failure -> {
                    preview.clear();
                    message.set(failure.getMessage());
                });
    }

    /** The options as chosen; fails with a message naming the setting when they do not fit together. */
    public SingleCellOptions options() {
        String column = branches.get() == null || branches.get().isBlank() ? null : branchColumn.get();
        return new SingleCellOptions(List.copyOf(groupBy), replicates.get(), minCells.get(), column,
                SingleCellOptions.parseBranches(branches.get()), null, SingleCellOptions.DEFAULT_SEED);
    }

    public ObservableList<String> columns() {
        return columns;
    }

    /** The chosen group-by columns, in the order chosen. */
    public ObservableList<String> groupBy() {
        return groupBy;
    }

    public ObservableList<String> preview() {
        return preview;
    }

    /** The values of the branch column, to choose branch states from. */
    public ObservableList<String> branchStates() {
        return branchStates;
    }

    public IntegerProperty replicatesProperty() {
        return replicates;
    }

    public IntegerProperty minCellsProperty() {
        return minCells;
    }

    public StringProperty branchColumnProperty() {
        return branchColumn;
    }

    /** Branches as {@code NAME=STATE,STATE;NAME=…}. */
    public StringProperty branchesProperty() {
        return branches;
    }

    /** Cells in the file, or -1 before the annotations are read. */
    public ReadOnlyIntegerProperty cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
