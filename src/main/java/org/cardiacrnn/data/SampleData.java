package org.cardiacrnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.io.AtomicFiles;

/**
 * The synthetic cardiac differentiation dataset bundled inside the application, so a newcomer sees
 * real content at once and the installed program needs no files beside it.
 */
public final class SampleData {

    /** File name of the bundled matrix (samples × genes with leading metadata columns). */
    public static final String FILE_NAME = "cardiac-differentiation.csv.gz";
    private static final String RESOURCE = "/sample-data/" + FILE_NAME;

    private SampleData() {
    }

    /**
     * Copies the bundled file into {@code directory} (once; an existing copy of the same size is reused)
     * and returns its path. Written to a temporary file first, so a crash never leaves half a file.
     */
    public static Path extract(Path directory) {
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataFormatException(Path.of(FILE_NAME),
                        "the bundled sample data is missing from the application");
            }
            byte[] bytes = in.readAllBytes();
            Files.createDirectories(directory);
            Path target = directory.resolve(FILE_NAME);
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            AtomicFiles.write(target, bytes);
            return target;
        } catch (IOException failure) {
            throw new WorkbenchException("Cannot copy the sample data to " + directory + ": " + failure.getMessage(),
                    failure);
        }
    }
}
