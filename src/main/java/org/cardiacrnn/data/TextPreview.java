package org.cardiacrnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The first lines of a file as text (gzip or not), for showing a user what they are about to load. */
public final class TextPreview {

    private TextPreview() {
    }

    /**
     * Up to {@code lines} lines, each cut to {@code maxCharacters}. A folder (10x) or an HDF5 file has no
     * text to show and gives a one-line description instead.
     */
    public static List<String> firstLines(Path file, int lines, int maxCharacters) {
        if (Files.isDirectory(file)) {
            return List.of("(folder: read as a 10x Matrix Market folder)");
        }
        InputFiles.requireReadableFile(file);
        if (InputFiles.isHdf5(file)) {
            return List.of("(HDF5 file: read as AnnData .h5ad)");
        }
        List<String> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                InputFiles.utf8(InputFiles.open(file)))) {
            String line;
            while (result.size() < lines && (line = reader.readLine()) != null) {
                result.add(line.length() > maxCharacters ? line.substring(0, maxCharacters) + " …" : line);
            }
        } catch (IOException failure) {
            throw InputFiles.failure(file, result.size() + 1, failure);
        }
        return result;
    }

    /**
     * The header's column names as the loader reads them (same delimiter and quoting rules), blanks left out;
     * empty when the file has no header line, or is a folder or HDF5 file whose columns are not text.
     */
    public static List<String> columnNames(Path file) {
        if (Files.isDirectory(file) || InputFiles.isHdf5(file)) {
            return List.of();
        }
        DelimitedLayout layout = DelimitedLayout.detect(file, null);
        if (!layout.hasHeader()) {
            return List.of();
        }
        return layout.header().stream().filter(name -> !name.isBlank()).toList();
    }
}
