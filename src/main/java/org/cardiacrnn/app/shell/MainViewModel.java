package org.cardiacrnn.app.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;

/** State of the main window: the page shown, the theme, and what the status bar says. */
public final class MainViewModel {

    private final ObjectProperty<Page> currentPage = new SimpleObjectProperty<>(Page.DATA);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final TaskExecutor executor;
    private final StringBinding statusText;

    public MainViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.statusText = Bindings.createStringBinding(
                () -> executor.busyProperty().get() ? executor.messageProperty().get() : I18n.text("status.ready"),
                executor.busyProperty(), executor.messageProperty());
    }

    public ObjectProperty<Page> currentPageProperty() {
        return currentPage;
    }

    /** Shows a page. */
    public void navigateTo(Page page) {
        currentPage.set(page);
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Switches between the light and the dark theme. */
    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    public StringBinding statusTextProperty() {
        return statusText;
    }

    public TaskExecutor executor() {
        return executor;
    }
}
