package org.cardiacrnn.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.TextPreview;
import org.cardiacrnn.sequences.ColumnRoles;

/**
 * The import dialog's state for one file: every field the user filled in, the file's first lines and the
 * column names the Time/Class/Group drop-downs offer. It outlives the dialog, so a load that fails brings the
 * dialog back with the user's choices and the error, instead of an empty form.
 */
public final class ImportViewModel {

    /** Role choices stop after this many header cells: annotation columns come first, genes would bury them. */
    static final int MAX_ROLE_CHOICES = 30;

    /** What the user chose: how to read the file, and which columns hold time, class and group. */
    public record Choice(LoadRequest request, ColumnRoles roles) {
    }

    /** The orientation choices, in the order the dialog lists them. */
    public enum OrientationChoice { AUTO, SAMPLES_BY_GENES, GENES_BY_SAMPLES }

    private final Path matrix;
    private final TaskExecutor executor;
    private final IntegerProperty orientation = new SimpleIntegerProperty(OrientationChoice.AUTO.ordinal());
    private final StringProperty metadata = new SimpleStringProperty("");
    private final StringProperty geneNames = new SimpleStringProperty("");
    private final StringProperty sampleNames = new SimpleStringProperty("");
    private final StringProperty annotations = new SimpleStringProperty("");
    private final StringProperty annotationNames = new SimpleStringProperty("");
    private final StringProperty sampleIdColumn = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(I18n.text("import.preview.reading"));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> roleChoices = FXCollections.observableArrayList();
    private List<String> headerNames = List.of();

    public ImportViewModel(Path matrix, TaskExecutor executor) {
        this.matrix = matrix;
        this.executor = executor;
        annotationNames.addListener((obs, old, names) -> offerRoles());
    }

    /** Reads the file's first lines and column names in the background; an unreadable file shows its error. */
    public void readPreview() {
        executor.submit(I18n.text("data.previewing"), progress -> {
            List<String> lines = TextPreview.firstLines(matrix, 14, 240);
            return new Preview(String.join("\n", lines), TextPreview.columnNames(matrix));
        }, read -> {
            preview.set(read.text());
            headerNames = read.columnNames();
            offerRoles();
        }, failure -> preview.set(UserError.of(I18n.text("import.preview"), failure).message()));
    }

    private record Preview(String text, List<String> columnNames) {
    }

    /** Keeps the error of a load made with these choices, for the dialog to show when it opens again. */
    public void loadFailed(UserError failure) {
        error.set(failure.message());
    }

    /**
     * Takes the fields as they stand, as a request to load (blank fields mean "detect" or "none"); the last
     * load's error belongs to the choices before, so it goes.
     */
    public Choice accept() {
        error.set("");
        LoadRequest.Builder request = LoadRequest.builder(matrix);
        request.orientation(switch (OrientationChoice.values()[orientation.get()]) {
            case AUTO -> null;
            case SAMPLES_BY_GENES -> Orientation.SAMPLES_BY_GENES;
            case GENES_BY_SAMPLES -> Orientation.GENES_BY_SAMPLES;
        });
        optionalPath(metadata.get()).ifPresent(request::metadata);
        optionalPath(geneNames.get()).ifPresent(request::geneNames);
        optionalPath(sampleNames.get()).ifPresent(request::sampleNames);
        List<String> names = names(annotationNames.get());
        optionalPath(annotations.get()).ifPresent(file -> request.annotations(file, names.isEmpty() ? null : names));
        if (!sampleIdColumn.get().isBlank()) {
            request.sampleIdColumn(sampleIdColumn.get().strip());
        }
        return new Choice(request.build(), new ColumnRoles(role(time), role(label), role(group)));
    }

    private void offerRoles() {
        roleChoices.setAll(roleChoices(headerNames, annotationNames.get()));
    }

    /**
     * What the Time/Class/Group drop-downs offer: the names given to a headerless annotation file first (e.g.
     * hours, pseudotime), then the leading header cells of the matrix. A file without a header offers none of
     * its own: its first row is data, not names.
     */
    static List<String> roleChoices(List<String> headerNames, String annotationNames) {
        List<String> choices = new ArrayList<>(names(annotationNames));
        headerNames.stream().filter(name -> !choices.contains(name)).limit(MAX_ROLE_CHOICES).forEach(choices::add);
        return choices;
    }

    /** Comma-separated names, trimmed, blanks dropped. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static String role(StringProperty role) {
        String value = role.get();
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Optional<Path> optionalPath(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.strip()));
    }

    public Path matrix() {
        return matrix;
    }

    /** The index of the chosen {@link OrientationChoice}. */
    public IntegerProperty orientationProperty() {
        return orientation;
    }

    public StringProperty metadataProperty() {
        return metadata;
    }

    public StringProperty geneNamesProperty() {
        return geneNames;
    }

    public StringProperty sampleNamesProperty() {
        return sampleNames;
    }

    public StringProperty annotationsProperty() {
        return annotations;
    }

    public StringProperty annotationNamesProperty() {
        return annotationNames;
    }

    public StringProperty sampleIdColumnProperty() {
        return sampleIdColumn;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The message of the last load that failed with these choices; "" before any. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> roleChoices() {
        return roleChoices;
    }
}
