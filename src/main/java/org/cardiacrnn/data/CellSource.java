package org.cardiacrnn.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * A single-cell matrix whose names and cell annotations are known but whose values are still on disk, to be
 * streamed once into a {@link CellSink}. Never holds the cells × genes values.
 */
interface CellSource extends AutoCloseable {

    List<String> cellIds();

    List<String> geneNames();

    /** Cell annotations stored in the file itself, by column name (empty for 10x files). */
    Map<String, List<String>> cellColumns();

    String format();

    /** Annotation columns of the genes that gene names can be taken from instead (empty unless .h5ad). */
    default List<String> geneNameColumns() {
        return List.of();
    }

    List<String> warnings();

    /**
     * Sends every stored value to {@code sink}.
     *
     * @throws DataFormatException   when the values cannot be read
     * @throws CancellationException when the reading thread was interrupted
     */
    void stream(CellSink sink, LoadProgress progress);

    @Override
    void close();

    /** Stops a read whose thread was interrupted (the GUI's cancel button). */
    static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading was cancelled");
        }
    }
}
