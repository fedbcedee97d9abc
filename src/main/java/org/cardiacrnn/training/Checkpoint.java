package org.cardiacrnn.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cardiacrnn.io.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The training loop's state after an epoch. */
    record State(int epoch, int iteration, double learningRate, PlateauScheduler.State scheduler, double bestScore,
                 int bestEpoch, int epochsWithoutImprovement, List<TrainingEvent.Epoch> history) {
    }

    private Checkpoint() {
    }

    static boolean exists(Path directory) {
        return directory != null && Files.isRegularFile(directory.resolve(STATE))
                && Files.isRegularFile(directory.resolve(LAST));
    }

    static void save(Path directory, MultiLayerNetwork network, INDArray bestParams, boolean bestChanged, State state) {
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(directory.resolve(LAST), out -> ModelSerializer.writeModel(network, out, true));
            if (bestChanged || !Files.exists(directory.resolve(BEST))) {
                MultiLayerNetwork best = network.clone();
                best.setParams(bestParams);
                AtomicFiles.write(directory.resolve(BEST), out -> ModelSerializer.writeModel(best, out, false));
            }
            AtomicFiles.writeString(directory.resolve(STATE), JSON.writeValueAsString(state));
        } catch (IOException failure) {
            throw new TrainingException(directory + ": the checkpoint could not be written ("
                    + AtomicFiles.describe(failure) + ")", failure);
        }
    }

    static State readState(Path directory) {
        Path file = directory.resolve(STATE);
        try {
            return JSON.readValue(Files.readString(file), State.class);
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
