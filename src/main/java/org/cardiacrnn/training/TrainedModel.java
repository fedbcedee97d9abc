package org.cardiacrnn.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cardiacrnn.evaluation.Predictor;
import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained network and its class names: it predicts class probabilities for sequences and saves to one
 * zip ({@code model.zip}) that also carries whatever the caller adds, such as the fitted preprocessing.
 */
public final class TrainedModel implements Predictor {

    private static final String NETWORK_ENTRY = "network.zip";
    private static final String CLASSES_ENTRY = "classes.txt";
    private static final int PREDICTION_BATCH = 256;

    private final MultiLayerNetwork network;
    private final List<String> classNames;
    private final Map<String, byte[]> extras;

    public TrainedModel(MultiLayerNetwork network, List<String> classNames) {
        this(network, classNames, Map.of());
    }

    private TrainedModel(MultiLayerNetwork network, List<String> classNames, Map<String, byte[]> extras) {
        this.network = network;
        this.classNames = List.copyOf(classNames);
        this.extras = Map.copyOf(extras);
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public List<String> classNames() {
        return classNames;
    }

    /**
     * Predicts in batches of at most {@value #PREDICTION_BATCH} sequences, all of (nearly) equal size, so the
     * recurrent layers see at most two batch shapes and keep their working arrays between batches.
     */
    @Override
    public float[][] predictProbabilities(SequenceDataset sequences) {
        int n = sequences.sequenceCount();
        float[][] probabilities = new float[n][];
        int batches = (n + PREDICTION_BATCH - 1) / PREDICTION_BATCH;
        for (int b = 0; b < batches; b++) {
            int from = (int) ((long) n * b / batches);
            int to = (int) ((long) n * (b + 1) / batches);
            INDArray features = Tensors.features(sequences, from, to);
            INDArray mask = Tensors.mask(sequences, from, to);
            INDArray output = network.output(features, false, mask, null);
            float[][] values = output.toFloatMatrix();
            System.arraycopy(values, 0, probabilities, from, values.length);
            // Freed now rather than when the garbage collector notices, which a small heap may put off for long.
            Tensors.close(features, mask, output);
        }
        return probabilities;
    }

    /** Writes the model and the extra entries into one zip, atomically. */
    public void save(Path file, Map<String, byte[]> extraEntries) {
        try {
            ByteArrayOutputStream networkBytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(network, networkBytes, false);
            AtomicFiles.write(file, out -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    put(zip, NETWORK_ENTRY, networkBytes.toByteArray());
                    put(zip, CLASSES_ENTRY, String.join("\n", classNames).getBytes(StandardCharsets.UTF_8));
                    for (Map.Entry<String, byte[]> extra : extraEntries.entrySet()) {
                        put(zip, extra.getKey(), extra.getValue());
                    }
                }
            });
        } catch (IOException failure) {
            throw new TrainingException(file + ": the model could not be saved (" + AtomicFiles.describe(failure)
                    + ")", failure);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a model saved by {@link #save}. */
    public static TrainedModel load(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException failure) {
            throw new TrainingException(file + ": not a readable model (" + failure.getMessage() + ")", failure);
        }
        byte[] networkBytes = entries.remove(NETWORK_ENTRY);
        byte[] classes = entries.remove(CLASSES_ENTRY);
        if (networkBytes == null || classes == null) {
            throw new TrainingException(file + ": not a Cardiac RNN Workbench model (network or class names missing)");
        }
        try {
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(
                    new ByteArrayInputStream(networkBytes), false);
            List<String> names = List.of(new String(classes, StandardCharsets.UTF_8).split("\n"));
            return new TrainedModel(network, names, entries);
        } catch (IOException | RuntimeException failure) {
            throw new TrainingException(file + ": the network inside could not be read (" + failure.getMessage()
                    + ")", failure);
        }
    }

    /** An extra entry saved with the model, or null. */
    public byte[] extraEntry(String name) {
        return extras.get(name);
    }
}
