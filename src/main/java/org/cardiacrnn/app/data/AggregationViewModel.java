package org.cardiacrnn.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * minimum cells, lineage branches (states picked per branch from the branch column's values) and the gene
 * names to use, with a preview of the groups and their cell counts. Reading the annotations and computing the
 * preview run in the background.
 */
public final class AggregationViewModel {

    /**
     * Files with at least this many cells ask how to aggregate; smaller ones are read cell by cell. A plate-based
     * experiment (96 or 384 wells) stays below it and is usually analysed cell by cell, while a droplet run has
     * thousands of cells, which as separate samples would make sequences of single cells. One thousand cells of
     * 30,000 genes also still fit in memory as they are (about 120 MB).
     */
    public static final int MANY_CELLS = 1000;

    /** One lineage: its name and the states of the branch column that belong to it. */
    public static final class Branch {
        private final StringProperty name = new SimpleStringProperty("");
        private final ObservableList<String> states = FXCollections.observableArrayList();

        public StringProperty nameProperty() {
            return name;
        }

        /** The states picked for this branch. */
        public ObservableList<String> states() {
            return states;
        }
    }

    private final TaskExecutor executor;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> groupBy = FXCollections.observableArrayList();
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<String> branchStates = FXCollections.observableArrayList();
    private final ObservableList<Branch> branches = FXCollections.observableArrayList();
    private final ObservableList<String> geneNameColumns = FXCollections.observableArrayList();
    private final IntegerProperty replicates = new SimpleIntegerProperty(1);
    private final IntegerProperty minCells = new SimpleIntegerProperty(SingleCellOptions.DEFAULT_MIN_CELLS);
    private final StringProperty branchColumn = new SimpleStringProperty();
    private final StringProperty geneNames = new SimpleStringProperty();
    private final ReadOnlyIntegerWrapper cells = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private SingleCellPreview annotations;
    private TaskExecutor.Cancellable running;

    public AggregationViewModel(TaskExecutor executor) {
        this.executor = executor;
        branchColumn.addListener((obs, old, column) -> {
            // states of another column mean nothing in this one
            branches.forEach(branch -> branch.states().clear());
            branchStates.setAll(annotations == null || column == null ? List.of() : annotations.distinctValues(column));
        });
    }

    /** Reads the file's cell annotations (and a cell metadata table joined on barcode, when given). */
    public void read(Path file, Path metadata) {
        read(file, metadata, () -> { });
    }

    /**
     * Reads the annotations, then runs {@code whenDone} on the application thread, after a failure too (the
     * failure is then in {@link #messageProperty()} and {@link #asksHowToAggregate()} is false).
     */
    public void read(Path file, Path metadata, Runnable whenDone) {
        message.set(I18n.text("aggregation.reading"));
        executor.submit(I18n.text("aggregation.reading"), progress -> SingleCellPreview.read(file, metadata),
                read -> {
                    annotations = read;
                    cells.set(read.cells());
                    columns.setAll(read.columns());
                    geneNameColumns.setAll(read.geneNameColumns());
                    message.set(I18n.text("aggregation.cells", read.cells()));
                    whenDone.run();
                }, failure -> {
                    message.set(failure.getMessage());
                    whenDone.run();
                });
    }

    /** True once the annotations are read and the file has {@link #MANY_CELLS} cells or more. */
    public boolean asksHowToAggregate() {
        return cells.get() >= MANY_CELLS;
    }

    /** Adds an unnamed branch with no states picked yet. */
    public Branch addBranch() {
        Branch branch = new Branch();
        branches.add(branch);
        return branch;
    }

    public void removeBranch(Branch branch) {
        branches.remove(branch);
        refreshPreview();
    }

    /** Picks or unpicks one state of the branch column for {@code branch}, keeping the column's order. */
    public void pick(Branch branch, String state, boolean picked) {
        if (picked && !branch.states().contains(state)) {
            branch.states().add(state);
            branch.states().sort(Comparator.comparingInt(branchStates::indexOf));
        } else if (!picked) {
            branch.states().remove(state);
        }
        refreshPreview();
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

    /**
     * The options as chosen; a branch with no states picked is left out. Fails with a message naming the setting
     * when they do not fit together.
     */
    public SingleCellOptions options() {
        Map<String, List<String>> lineages = new LinkedHashMap<>();
        for (Branch branch : branches) {
            if (branch.states().isEmpty()) {
                continue;
            }
            String name = branch.nameProperty().get() == null ? "" : branch.nameProperty().get().trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(I18n.text("aggregation.branch.unnamed",
                        String.join(", ", branch.states())));
            }
            if (lineages.put(name, List.copyOf(branch.states())) != null) {
                throw new IllegalArgumentException(I18n.text("aggregation.branch.twice", name));
            }
        }
        String column = lineages.isEmpty() ? null : branchColumn.get();
        String names = geneNames.get() == null || geneNames.get().isEmpty() ? null : geneNames.get();
        return new SingleCellOptions(List.copyOf(groupBy), replicates.get(), minCells.get(), column, lineages, null,
                names, SingleCellOptions.DEFAULT_SEED);
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

    /** The values of the branch column, to pick branch states from. */
    public ObservableList<String> branchStates() {
        return branchStates;
    }

    /** The declared branches, in the order added. */
    public ObservableList<Branch> branches() {
        return branches;
    }

    /** Gene annotation columns that gene names can come from instead of the file's gene index. */
    public ObservableList<String> geneNameColumns() {
        return geneNameColumns;
    }

    /** The gene annotation column to take gene names from; null or empty for the file's gene index. */
    public StringProperty geneNamesProperty() {
        return geneNames;
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

    /** Cells in the file, or -1 before the annotations are read. */
    public ReadOnlyIntegerProperty cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
