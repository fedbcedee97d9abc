package org.cardiacrnn.app.model;

import java.io.File;
import java.util.Optional;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Callback;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/** The Model page: hyperparameters in a property sheet, presets, save/load, size of the network. */
public final class ModelView extends BorderPane implements PageView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ModelViewModel viewModel;
    private final Button train = new Button(I18n.text("model.train"), AppIcon.START.node());

    public ModelView(ModelViewModel viewModel, Runnable trainNow) {
        this.viewModel = viewModel;
        setId("modelPage");
        getStyleClass().add("page");
        PropertySheet sheet = new PropertySheet();
        sheet.setId("hyperparameterSheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        sheet.setPropertyEditorFactory(editors());
        for (ModelViewModel.Field field : viewModel.fields()) {
            sheet.getItems().add(new FieldItem(field));
        }

        MenuButton presets = new MenuButton(I18n.text("model.presets"));
        presets.setId("presetMenu");
        for (String preset : Hyperparameters.presetNames()) {
            MenuItem item = new MenuItem(I18n.text("model.preset." + preset));
            item.setId("preset-" + preset);
            item.setOnAction(event -> viewModel.applyPreset(preset));
            presets.getItems().add(item);
        }
        Button load = new Button(I18n.text("model.load"), AppIcon.OPEN.node());
        load.setOnAction(event -> {
            File file = chooser().showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.load(file.toPath());
            }
        });
        Button save = new Button(I18n.text("model.save"), AppIcon.SAVE.node());
        save.setOnAction(event -> {
            File file = chooser().showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.save(file.toPath());
            }
        });
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        train.setId("trainWithSettings");
        train.getStyleClass().add("accent");
        train.setOnAction(event -> trainNow.run());
        ToolBar bar = new ToolBar(presets, load, save, spacer, train);
        bar.getStyleClass().add("page-toolbar");
        setTop(bar);

        Label size = new Label();
        size.setId("networkSize");
        size.getStyleClass().add("headline");
        size.setWrapText(true);
        size.textProperty().bind(viewModel.sizeProperty());
        Label problem = new Label();
        problem.setId("hyperparameterProblem");
        problem.getStyleClass().add("validation-message");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        // Always laid out, so an error appearing or going does not shift the form under the pointer.
        problem.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(6, size, problem);
        header.setPadding(new Insets(12, 16, 8, 16));
        sheet.needsLayoutProperty().addListener((obs, old, needs) -> keepNamesWhole(sheet));
        VBox content = new VBox(header, sheet);
        javafx.scene.layout.VBox.setVgrow(sheet, javafx.scene.layout.Priority.ALWAYS);
        setCenter(content);
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** Training is offered only while a dataset is open and the settings are valid, both of which live longer. */
    @Override
    public Subscription onAttach() {
        return PageView.bind(train.disableProperty(), viewModel.session().datasetProperty().isNull()
                .or(viewModel.problemProperty().isNotEmpty()));
    }

    private static void keepNamesWhole(javafx.scene.Parent parent) {
        for (javafx.scene.Node node : parent.getChildrenUnmodifiable()) {
            if (node instanceof Label label && label.getMinWidth() != Region.USE_PREF_SIZE) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            } else if (node instanceof javafx.scene.Parent child) {
                keepNamesWhole(child);
            }
        }
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("model.fileType"), "*.json"));
        chooser.setInitialFileName("hyperparameters.json");
        return chooser;
    }

    /** Enum fields show the choices in the user's words; everything else uses ControlsFX's editors. */
    private static Callback<PropertySheet.Item, PropertyEditor<?>> editors() {
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        return item -> {
            if (item.getType().isEnum()) {
                return enumEditor(item);
            }
            if (item instanceof FieldItem field && Number.class.isAssignableFrom(item.getType())) {
                return numberEditor(field);
            }
            return defaults.call(item);
        };
    }

    /**
     * Numbers are typed as text and checked on every keystroke, so the parameter count follows the typing and
     * "-5" or "12a" is reported at the field instead of being silently changed into something valid.
     */
    private static PropertyEditor<?> numberEditor(FieldItem item) {
        TextField text = new TextField(String.valueOf(item.getValue()));
        text.setId("hp-" + item.field.key());
        ReadOnlyStringProperty problem = item.field.problemProperty();
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(problem);
        problem.addListener((obs, old, now) -> {
            text.pseudoClassStateChanged(INVALID, !now.isEmpty());
            text.setTooltip(now.isEmpty() ? null : tip);
        });
        return new AbstractPropertyEditor<Object, TextField>(item, text) {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            protected ObservableValue<Object> getObservableValue() {
                return (ObservableValue) getEditor().textProperty();
            }

            @Override
            public void setValue(Object value) {
                String shown = String.valueOf(value);
                // "1e-3" typed and 0.001 stored are the same number: keep what the user is typing.
                if (value != null && !sameNumber(shown, getEditor().getText())) {
                    getEditor().setText(shown);
                }
            }
        };
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return a.equals(b) || Double.parseDouble(a.strip()) == Double.parseDouble(b.strip());
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PropertyEditor<?> enumEditor(PropertySheet.Item item) {
        ComboBox<Enum> box = new ComboBox<>();
        for (Object constant : item.getType().getEnumConstants()) {
            box.getItems().add((Enum) constant);
        }
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Enum value) {
                return value == null ? "" : Choices.label(value);
            }

            @Override
            public Enum fromString(String text) {
                return null;
            }
        });
        return new AbstractPropertyEditor<Enum, ComboBox<Enum>>(item, box) {
            @Override
            protected ObservableValue<Enum> getObservableValue() {
                return getEditor().valueProperty();
            }

            @Override
            public void setValue(Enum value) {
                getEditor().setValue(value);
            }
        };
    }

    /** Shows a view-model field in the property sheet. */
    private static final class FieldItem implements PropertySheet.Item {
        private final ModelViewModel.Field field;

        FieldItem(ModelViewModel.Field field) {
            this.field = field;
        }

        @Override
        public Class<?> getType() {
            Class<?> type = field.type();
            if (type == int.class) {
                return Integer.class;
            }
            if (type == long.class) {
                return Long.class;
            }
            if (type == double.class) {
                return Double.class;
            }
            if (type == boolean.class) {
                return Boolean.class;
            }
            return type;
        }

        @Override
        public String getCategory() {
            return I18n.text("model." + field.category());
        }

        @Override
        public String getName() {
            return I18n.text("hp." + field.key());
        }

        @Override
        public String getDescription() {
            return I18n.text("hp." + field.key() + ".help");
        }

        @Override
        public Object getValue() {
            return field.valueProperty().get();
        }

        @Override
        public void setValue(Object value) {
            field.valueProperty().set(value);
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(field.valueProperty());
        }
    }
}
