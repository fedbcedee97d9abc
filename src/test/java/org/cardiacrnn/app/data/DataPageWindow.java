package org.cardiacrnn.app.data;

import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;

/** The Data page alone in a window, over a real background executor, as the import and drop tests need it. */
record DataPageWindow(DataView view, DataViewModel viewModel) {

    static DataPageWindow show(Stage stage, Path dir) {
        DataViewModel viewModel = new DataViewModel(new WorkbenchSession(), new FxTaskExecutor(),
                RecentFiles.inMemory(), dir.resolve("samples"));
        DataView view = new DataView(viewModel, trend -> new StackPane());
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
        return new DataPageWindow(view, viewModel);
    }
}
