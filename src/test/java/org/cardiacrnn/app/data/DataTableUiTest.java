package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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
import org.testfx.util.WaitForAsyncUtils;

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
        TableView<DataView.PreviewRow> table = robot.lookup("#dataTable").queryTableView();
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .startsWith("Sample", "individual", "diffday", "type").endsWith("G4", "G5");
        assertThat(table.getItems()).hasSize(40);

        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> {
            table.getColumns().addListener(
                    (ListChangeListener<TableColumn<DataView.PreviewRow, ?>>) change -> changes.incrementAndGet());
            viewModel.open(LoadRequest.of(named));
        });
        assertThat(changes.get()).isEqualTo(1);
        assertThat(table.getColumns()).extracting(TableColumn::getText).endsWith("G5");
    }

    @Test
    void aDatasetWithAsManyColumnsKeepsTheTableColumnsAndShowsItsOwnCells(FxRobot robot) throws Exception {
        Path first = wide("first.csv", "A", "donor,trajectory,day", 0);
        Path second = wide("second.csv", "B", "line,branch,hours", 1000);
        robot.interact(() -> viewModel.open(LoadRequest.of(first)));
        TableView<DataView.PreviewRow> table = robot.lookup("#dataTable").queryTableView();
        List<TableColumn<DataView.PreviewRow, ?>> before = List.copyOf(table.getColumns());
        assertThat(before).hasSize(TablePreview.COLUMNS_PER_PAGE);

        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> {
            table.getColumns().addListener(
                    (ListChangeListener<TableColumn<DataView.PreviewRow, ?>>) change -> changes.incrementAndGet());
            viewModel.open(LoadRequest.of(second));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(changes.get()).as("the same columns, so no new headers or cells").isZero();
        assertThat(table.getColumns()).containsExactlyElementsOf(before);
        assertThat(table.getColumns()).extracting(TableColumn::getText).startsWith("Sample", "line", "branch",
                "hours", "G0");
        assertThat(shownCell(robot, table, 0, 0)).isEqualTo("B0");
        assertThat(shownCell(robot, table, 1, 4)).as("a gene value of the second file").isEqualTo("1001");
    }

    /** A samples × genes table with three metadata columns and more genes than a page shows. */
    private Path wide(String name, String prefix, String metadata, int offset) throws Exception {
        StringBuilder csv = new StringBuilder("sample_id,").append(metadata);
        for (int g = 0; g < 60; g++) {
            csv.append(",G").append(g);
        }
        csv.append('\n');
        for (int sample = 0; sample < 8; sample++) {
            csv.append(prefix).append(sample).append(",d").append(sample % 2).append(",x,").append(sample);
            for (int g = 0; g < 60; g++) {
                csv.append(',').append(offset + sample + 4 * g);
            }
            csv.append('\n');
        }
        return Files.writeString(folder.resolve(name), csv);
    }

    /** The text the table shows in a cell, as drawn: the cell node of that row and column. */
    private static String shownCell(FxRobot robot, TableView<?> table, int row, int column) {
        return robot.lookup("#dataTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() == table.getColumns().get(column) && cell.getIndex() == row
                        && !cell.isEmpty())
                .map(TableCell::getText).findFirst().orElse(null);
    }
}
