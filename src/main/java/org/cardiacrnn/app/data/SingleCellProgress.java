package org.cardiacrnn.app.data;

import java.util.Optional;

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

    /** For a single-cell file, asks how to aggregate; empty when the user cancels. Other files pass unchanged. */
    static Optional<ImportViewModel.Choice> askHowToAggregate(Window owner, ImportViewModel.Choice choice,
                                                              AggregationViewModel viewModel) {
        LoadRequest request = choice.request();
        if (!SingleCellPreview.isSingleCell(request.matrix())) {
            return Optional.of(choice);
        }
        viewModel.read(request.matrix(), request.metadata());
        return AggregationDialog.show(owner, request.matrix(), viewModel).map(options ->
                new ImportViewModel.Choice(LoadRequest.builder(request.matrix()).metadata(request.metadata())
                        .orientation(request.orientation()).sampleIdColumn(request.sampleIdColumn())
                        .singleCell(options).build(), choice.roles()));
    }
}
