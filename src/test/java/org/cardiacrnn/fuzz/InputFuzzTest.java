package org.cardiacrnn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.opentest4j.AssertionFailedError;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * Every reader of user input, fed arbitrary bytes: it either loads or raises the workbench's own exception with
 * a message; never another exception, a hang or an OutOfMemoryError. Without JAZZER_FUZZ=1 each target replays
 * its committed corpus (src/test/resources/org/cardiacrnn/fuzz/InputFuzzTestInputs/TARGET/), which holds the
 * seeds and every finding so far; with it, one target at a time fuzzes (docs/robustness.md says how).
 */
@Tag("fuzz")
class InputFuzzTest {

    /** Far above what any legitimate small input needs; a hang shows up as a failure, not a stuck build. */
    private static final Duration PER_INPUT = Duration.ofSeconds(5);
    /** The first input also loads and instruments every reader class, which on a busy machine took over 5 s. */
    private static final Duration FIRST_INPUT = Duration.ofSeconds(60);
    /** Separates the parts of one input for targets that read several files. */
    private static final byte[] PART_SEPARATOR = "\n====\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SMALL_MATRIX = "sample,g1,g2,g3\ns1,1,2,3\ns2,4,5,6\ns3,7,8,9\n";

    private static Path scratch;
    private static boolean warm;

    @FuzzTest(maxDuration = "10m")
    void delimitedMatrix(byte[] input) throws IOException {
        Path matrix = write("matrix.csv", input);
        loadsOrExplains(() -> ExpressionLoader.load(LoadRequest.of(matrix)));
    }

    @FuzzTest(maxDuration = "10m")
    void matrixMarketFolder(byte[] input) throws IOException {
        byte[][] parts = split(input, 3);
        Path folder = scratch().resolve("tenx");
        Files.createDirectories(folder);
        Files.write(folder.resolve("matrix.mtx"), parts[0]);
        Files.write(folder.resolve("features.tsv"), parts[1]);
        Files.write(folder.resolve("barcodes.tsv"), parts[2]);
        loadsOrExplains(() -> ExpressionLoader.load(LoadRequest.of(folder)));
    }

    @FuzzTest(maxDuration = "10m")
    void h5ad(byte[] input) throws IOException {
        Path file = write("data.h5ad", input);
        loadsOrExplains(() -> ExpressionLoader.load(LoadRequest.of(file)));
    }

    @FuzzTest(maxDuration = "10m")
    void metadataJoin(byte[] input) throws IOException {
        Path matrix = write("joined.csv", SMALL_MATRIX.getBytes(StandardCharsets.UTF_8));
        Path metadata = write("metadata.csv", input);
        loadsOrExplains(() -> ExpressionLoader.load(LoadRequest.builder(matrix).metadata(metadata).build()));
    }

    @FuzzTest(maxDuration = "10m")
    void hyperparameterJson(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        loadsOrExplains(() -> Hyperparameters.fromJson(json, "hp.json"));
    }

    @FuzzTest(maxDuration = "10m")
    void sweepSpec(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        loadsOrExplains(() -> SweepSpec.fromJson(json, "spec.json"));
    }

    private static void loadsOrExplains(Runnable read) {
        Duration limit = warm ? PER_INPUT : FIRST_INPUT;
        warm = true;
        try {
            withinLimit(limit, read);
        } catch (AssertionFailedError timedOut) {
            if (timedOut.getMessage() == null || !timedOut.getMessage().startsWith("execution timed out")) {
                throw timedOut;
            }
            // The first input to reach a reader's code path also loads and instruments its classes, which on a
            // busy machine took just over 5 s (corpus inputs that replay in 0.2 s): a slow read is slow twice.
            withinLimit(limit, read);
        }
    }

    private static void withinLimit(Duration limit, Runnable read) {
        assertTimeoutPreemptively(limit, () -> {
            try {
                read.run();
            } catch (WorkbenchException explained) {
                assertThat(explained.getMessage()).as("the message of %s", explained.getClass().getName())
                        .isNotBlank();
            }
        });
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path file = scratch().resolve(name);
        Files.write(file, content);
        return file;
    }

    private static synchronized Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("cardiac-rnn-fuzz");
            scratch.toFile().deleteOnExit();
        }
        return scratch;
    }

    /** The input cut at the separator into exactly {@code count} parts; missing parts are empty. */
    static byte[][] split(byte[] input, int count) {
        byte[][] parts = new byte[count][];
        int start = 0;
        for (int part = 0; part < count; part++) {
            int end = part == count - 1 ? -1 : indexOf(input, PART_SEPARATOR, start);
            if (end < 0) {
                parts[part] = Arrays.copyOfRange(input, Math.min(start, input.length), input.length);
                start = input.length;
            } else {
                parts[part] = Arrays.copyOfRange(input, start, end);
                start = end + PART_SEPARATOR.length;
            }
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
