package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.app.shell.MainView;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every page binds when the main window shows it and lets go when another page replaces it: switching pages
 * removes the hidden page's listeners from the view-models, and a page shown again starts from their current state.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PageLifecycleUiTest {

    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = UiTests.showWorkbench(stage, home);
    }

    /** A property that counts the listeners registered on it, to see that none is left behind. */
    private static final class CountedProperty extends SimpleIntegerProperty {
        private int listeners;

        @Override
        public void addListener(ChangeListener<? super Number> listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(ChangeListener<? super Number> listener) {
            listeners--;
            super.removeListener(listener);
        }

        @Override
        public void addListener(InvalidationListener listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(InvalidationListener listener) {
            listeners--;
            super.removeListener(listener);
        }
    }

    private static final class RecordingPage extends StackPane implements PageView {
        private final CountedProperty source = new CountedProperty();
        private int attached;
        private int detached;
        private int seen = -1;

        @Override
        public Subscription onAttach() {
            attached++;
            return source.subscribe(value -> seen = value.intValue());
        }

        @Override
        public void onDetach() {
            detached++;
        }
    }

    @Test
    void switchingPagesDetachesTheHiddenPageAndAttachesTheShownOne(FxRobot robot) {
        RecordingPage data = new RecordingPage();
        RecordingPage sequences = new RecordingPage();
        MainViewModel main = new MainViewModel(new CurrentThreadTaskExecutor());
        Map<Page, Supplier<Node>> pages = new EnumMap<>(Page.class);
        pages.put(Page.DATA, () -> data);
        pages.put(Page.SEQUENCES, () -> sequences);
        robot.interact(() -> new MainView(main, pages, new Label()));

        assertThat(data.attached).isEqualTo(1);
        assertThat(data.source.listeners).isEqualTo(1);
        assertThat(data.seen).isZero();

        robot.interact(() -> main.navigateTo(Page.SEQUENCES));
        assertThat(data.source.listeners).as("the hidden page's listeners are removed").isZero();
        assertThat(data.detached).isEqualTo(1);
        assertThat(sequences.attached).isEqualTo(1);
        assertThat(sequences.source.listeners).isEqualTo(1);

        robot.interact(() -> data.source.set(7));
        assertThat(data.seen).as("a hidden page does not follow its view-model").isZero();

        robot.interact(() -> main.navigateTo(Page.DATA));
        assertThat(data.attached).isEqualTo(2);
        assertThat(data.seen).as("shown again, it starts from the current state").isEqualTo(7);
        assertThat(sequences.source.listeners).isZero();
        assertThat(sequences.detached).isEqualTo(1);

        robot.interact(() -> main.navigateTo(Page.DATA));
        assertThat(data.attached).as("showing the shown page again binds nothing twice").isEqualTo(2);
        assertThat(data.source.listeners).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDataPageFollowsTheGenePageOnlyWhileShown(FxRobot robot) throws Exception {
        UiTests.waitUntil(60, () -> workbench.session().datasetProperty().get() != null);
        robot.clickOn("#nav-data");
        TableView<Integer> table = robot.lookup("#dataTable").queryAs(TableView.class);
        UiTests.waitUntil(10, () -> !table.getColumns().isEmpty());
        List<String> firstPage = headers(table);

        robot.clickOn("#nav-sweeps");
        robot.interact(() -> workbench.dataViewModel().nextGenes());
        assertThat(headers(table)).as("hidden, the table is left as it was").isEqualTo(firstPage);

        robot.clickOn("#nav-data");
        AtomicReference<List<String>> shown = new AtomicReference<>();
        robot.interact(() -> shown.set(headers(table)));
        assertThat(shown.get()).isNotEqualTo(firstPage)
                .containsAll(workbench.dataViewModel().tablePreviewProperty().get().columns().stream()
                        .map(column -> column.header()).toList());
    }

    private static List<String> headers(TableView<Integer> table) {
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }
}
