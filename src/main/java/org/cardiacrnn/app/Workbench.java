package org.cardiacrnn.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.shell.MainView;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.Page;

/**
 * Wires the pages, menus and shortcuts together: the composition root of the GUI, so views and
 * view-models receive their collaborators instead of finding them.
 */
final class Workbench {

    private final MainViewModel mainViewModel;
    private final MainView mainView;

    Workbench(MainViewModel mainViewModel) {
        this.mainViewModel = mainViewModel;
        Map<Page, Supplier<Node>> pages = new EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            pages.put(page, () -> new Label(I18n.text(page.titleKey())));
        }
        this.mainView = new MainView(mainViewModel, pages, menuBar());
    }

    MainView mainView() {
        return mainView;
    }

    /** Called once the window is visible; starts loading the bundled sample data. */
    void afterShown() {
        Platform.runLater(() -> { });
    }

    void installShortcuts(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6};
        Page[] pages = Page.values();
        for (int i = 0; i < pages.length; i++) {
            Page page = pages[i];
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> mainViewModel.navigateTo(page));
        }
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem(I18n.text("menu.file.quit"));
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(event -> Platform.exit());
        Menu file = new Menu(I18n.text("menu.file"), null, new SeparatorMenuItem(), quit);

        MenuItem theme = new MenuItem(I18n.text("menu.view.theme"), AppIcon.THEME.node());
        theme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        theme.setOnAction(event -> mainViewModel.toggleTheme());
        Menu view = new Menu(I18n.text("menu.view"), null, theme);

        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }
}
