package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.LoadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Data page's table gets its columns for a new dataset in one change: added one at a time, every addition
 * restyled the table, which froze the window for seconds when a wide single-cell dataset arrived.
 */
@ExtendWith(ApplicationExtension.class)
class DataTableUiTest {

    @TempDir
    Path folder;

    private DataViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new DataViewModel(new WorkbenchSession(), new CurrentThreadTaskExecutor(),
                RecentFiles.inMemory(), folder.resolve("samples"));
        DataView view = new DataView(viewModel, trend -> new Label());
        // Shown as the main window shows a page: bound on attach.
        view.onAttach();
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(DataTableUiTest.class.getResource("/org/cardiacrnn/data/single-cell/anndata/" + name).toURI());
    }

    @Test
    void aNewDatasetReplacesTheColumnsInOneChange(FxRobot robot) throws Exception {
        Path cells = fixture("csr-gzip.h5ad");
        Path named = fixture("var-columns.h5ad");
        robot.interact(() -> viewModel.open(LoadRequest.of(cells)));
        TableView<Integer> table = robot.lookup("#dataTable").queryTableView();
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .startsWith("Sample", "individual", "diffday", "type").endsWith("G4", "G5");
        assertThat(table.getItems()).hasSize(40);

        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> {
            table.getColumns().addListener(
                    (ListChangeListener<TableColumn<Integer, ?>>) change -> changes.incrementAndGet());
            viewModel.open(LoadRequest.of(named));
        });
        assertThat(changes.get()).isEqualTo(1);
        assertThat(table.getColumns()).extracting(TableColumn::getText).endsWith("G5");
    }
}
