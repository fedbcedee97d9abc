package org.cardiacrnn.app.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;

/** The main window's frame: navigation rail on the left, the current page, and a status bar. */
public final class MainView extends BorderPane {

    private final MainViewModel viewModel;
    private final Map<Page, Supplier<Node>> pageFactories;
    private final Map<Page, Node> builtPages = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private Node shown;
    private Subscription attached = Subscription.EMPTY;

    public MainView(MainViewModel viewModel, Map<Page, Supplier<Node>> pageFactories, Node menuBar) {
        this.viewModel = viewModel;
        this.pageFactories = pageFactories;
        getStyleClass().add("main-view");
        setTop(menuBar);
        setLeft(navigationRail());
        content.getStyleClass().add("page-host");
        setCenter(content);
        setBottom(statusBar());
        viewModel.currentPageProperty().addListener((obs, old, page) -> show(page));
        show(viewModel.currentPageProperty().get());
    }

    private Node navigationRail() {
        VBox rail = new VBox();
        rail.setId("navigationRail");
        rail.getStyleClass().add("nav-rail");
        ToggleGroup group = new ToggleGroup();
        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(I18n.text(page.titleKey()), page.icon().node());
            button.setId("nav-" + page.name().toLowerCase());
            button.setContentDisplay(ContentDisplay.TOP);
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setTooltip(new Tooltip(I18n.text(page.titleKey() + ".tooltip")));
            button.getStyleClass().add("nav-button");
            button.setSelected(page == viewModel.currentPageProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                viewModel.navigateTo(page);
            });
            viewModel.currentPageProperty().addListener((obs, old, now) -> button.setSelected(now == page));
            rail.getChildren().add(button);
        }
        return rail;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusText");
        status.textProperty().bind(viewModel.statusTextProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("statusProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.executor().progressProperty());
        progress.visibleProperty().bind(viewModel.executor().busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Hides the current page, ending what it bound on attach, and shows {@code page}, which binds again. */
    private void show(Page page) {
        Node node = builtPages.computeIfAbsent(page, p -> pageFactories.get(p).get());
        if (node == shown) {
            return;
        }
        attached.unsubscribe();
        attached = Subscription.EMPTY;
        if (shown instanceof PageView hidden) {
            hidden.onDetach();
        }
        content.getChildren().setAll(node);
        shown = node;
        if (node instanceof PageView view) {
            attached = view.onAttach();
        }
    }
}
