package org.cardiacrnn.app.data;

import java.util.function.Consumer;

import javafx.stage.Window;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.ProgressReporter;
import org.cardiacrnn.data.LoadProgress;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SingleCellPreview;

/** The Data page's single-cell hooks: the aggregation question after import, and read progress in cells and MB/s. */
final class SingleCellProgress {

    private SingleCellProgress() {
    }

    /** Reports cells read and MB/s of the file; the reporter's cancel stops the read through the thread's interrupt. */
    static LoadProgress to(ProgressReporter progress) {
        long start = System.nanoTime();
        return (cellsRead, totalCells, bytesRead) -> {
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            progress.update(totalCells == 0 ? -1 : (double) cellsRead / totalCells, I18n.text("aggregation.progress",
                    cellsRead, totalCells, String.format(java.util.Locale.ROOT, "%.1f", bytesRead / 1e6 / seconds)));
            if (progress.isCancelled()) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /**
     * For a single-cell file with {@link AggregationViewModel#MANY_CELLS} cells or more, asks how to aggregate and
     * hands the choice to {@code open} unless the user cancels. Smaller single-cell files and other files go to
     * {@code open} unchanged; so does a file whose annotations cannot be read, whose load then reports why.
     * The annotations are read in the background first, since a large file takes seconds.
     */
    static void askHowToAggregate(Window owner, ImportViewModel.Choice choice, AggregationViewModel viewModel,
                                  Consumer<ImportViewModel.Choice> open) {
        LoadRequest request = choice.request();
        if (!SingleCellPreview.isSingleCell(request.matrix())) {
            open.accept(choice);
            return;
        }
        viewModel.read(request.matrix(), request.metadata(), () -> {
            if (!viewModel.asksHowToAggregate()) {
                open.accept(choice);
                return;
            }
            AggregationDialog.show(owner, request.matrix(), viewModel).map(options -> new ImportViewModel.Choice(
                    LoadRequest.builder(request.matrix()).metadata(request.metadata())
                            .orientation(request.orientation()).sampleIdColumn(request.sampleIdColumn())
                            .singleCell(options).build(), choice.roles())).ifPresent(open);
        });
    }
}
