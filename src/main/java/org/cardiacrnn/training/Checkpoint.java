package org.cardiacrnn.training;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cardiacrnn.io.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything needed to continue a run exactly where it stopped: the network with its optimiser state
 * ({@code last.zip}), the best weights so far ({@code best.zip}) and the loop's own state
 * ({@code state.json}: epoch, learning rate, scheduler, early stopping, history). Random streams are
 * derived from the seed and the epoch, so they need no saving. Each file is written atomically and the
 * state last, so a crash mid-save leaves the previous checkpoint usable.
 */
final class Checkpoint {

    static final String LAST = "last.zip";
    static final String BEST = "best.zip";
    static final String STATE = "state.json";
    /** Entry names of DL4J's model zip (see ModelSerializer). */
    private static final String CONFIGURATION_ENTRY = "configuration.json";
    private static final String COEFFICIENTS_ENTRY = "coefficients.bin";
    private static final String UPDATER_ENTRY = "updaterState.bin";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Checkpoint() {
    }

    static boolean exists(Path directory) {
        return directory != null && Files.isRegularFile(directory.resolve(STATE))
                && Files.isRegularFile(directory.resolve(LAST));
    }

    static void save(Path directory, MultiLayerNetwork network, INDArray bestParams, boolean bestChanged,
                     TrainingState state) {
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(directory.resolve(LAST), out -> writeNetwork(out, network, network.params(), true));
            if (bestChanged || !Files.exists(directory.resolve(BEST))) {
                AtomicFiles.write(directory.resolve(BEST), out -> writeNetwork(out, network, bestParams, false));
            }
            AtomicFiles.writeString(directory.resolve(STATE), JSON.writeValueAsString(state));
        } catch (IOException failure) {
            throw new TrainingException(directory + ": the checkpoint could not be written ("
                    + AtomicFiles.describe(failure) + ")", failure);
        }
    }

    /**
     * Writes what {@link ModelSerializer#writeModel} writes (the same zip entries, read back by
     * {@link ModelSerializer#restoreMultiLayerNetwork}), but stored without compression and with the given
     * parameters, so no copy of the network is needed. DL4J's own writer deflates the 94 MB of parameters and
     * Adam state of the methodology's network, which took longer than a training epoch for a few per cent
     * of file size (trained weights hardly compress).
     */
    private static void writeNetwork(OutputStream out, MultiLayerNetwork network, INDArray params,
                                     boolean withUpdater) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(CONFIGURATION_ENTRY));
        zip.write(network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeArray(zip, COEFFICIENTS_ENTRY, params);
        INDArray updaterState = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
        if (withUpdater && updaterState != null && updaterState.length() > 0) {
            writeArray(zip, UPDATER_ENTRY, updaterState);
        }
        zip.finish();
    }

    private static void writeArray(ZipOutputStream zip, String name, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
        write(array, data);
        data.flush();
        zip.closeEntry();
    }

    /**
     * Writes exactly the bytes of {@link Nd4j#write(INDArray, DataOutputStream)} (tested), but moves a float
     * array's values in blocks: ND4J writes them one {@code writeFloat} call at a time, about half a second
     * for the methodology network's parameters and optimiser state.
     */
    static void write(INDArray array, DataOutputStream out) throws IOException {
        INDArray whole = array.isView() ? array.dup() : array;
        DataBuffer data = whole.data();
        if (data.dataType() != DataType.FLOAT || data.offset() != 0 || data.length() == 0) {
            Nd4j.write(whole, out);
            return;
        }
        whole.shapeInfoDataBuffer().write(out);
        out.writeUTF(data.allocationMode().name());
        out.writeLong(data.length());
        out.writeUTF(data.dataType().name());
        FloatBuffer values = data.asNioFloat();
        ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        FloatBuffer blockFloats = block.asFloatBuffer();
        long remaining = data.length();
        while (remaining > 0) {
            int count = (int) Math.min(remaining, blockFloats.capacity());
            blockFloats.clear();
            values.limit(values.position() + count);
            blockFloats.put(values);
            values.limit(values.capacity());
            out.write(block.array(), 0, count * Float.BYTES);
            remaining -= count;
        }
    }

    static TrainingState readState(Path directory) {
        Path file = directory.resolve(STATE);
        try {
            return JSON.readValue(Files.readString(file), TrainingState.class);
        } catch (IOException failure) {
            throw new TrainingException(file + ": the checkpoint state cannot be read (" + failure.getMessage() + ")",
                    failure);
        }
    }

    static MultiLayerNetwork readNetwork(Path directory, String name, boolean withUpdater) {
        Path file = directory.resolve(name);
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), withUpdater);
        } catch (IOException | RuntimeException failure) {
            throw new TrainingException(file + ": the checkpoint network cannot be read (" + failure.getMessage()
                    + ")", failure);
        }
    }
}
