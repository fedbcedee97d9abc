package org.cardiacrnn.data;

/** Reports how far a long read has come; called from the reading thread every few thousand cells. */
@FunctionalInterface
public interface LoadProgress {

    LoadProgress NONE = (cellsRead, totalCells, bytesRead) -> { };

    /**
     * @param cellsRead  cells (or, for column-major files, the equivalent share of cells) read so far
     * @param totalCells cells in the file
     * @param bytesRead  bytes of the file read so far (compressed size where the file is compressed)
     */
    void progress(long cellsRead, long totalCells, long bytesRead);
}
