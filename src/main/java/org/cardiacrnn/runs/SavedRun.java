package org.cardiacrnn.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.preprocessing.FittedPreprocessing;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.training.TrainedModel;

/**
 * A finished run reopened from its folder: the trained model with the preprocessing fitted on its
 * training data and the settings it was made with, ready to predict on new files.
 */
public record SavedRun(Path directory, RunConfig config, TrainedModel model, FittedPreprocessing preprocessing) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Opens a run folder (or its model.zip); fails with a message naming what is missing. */
    public static SavedRun open(Path runFolderOrModel) {
        if (!Files.exists(runFolderOrModel)) {
            throw new RunStoreException(runFolderOrModel, "does not exist; give a run folder or its model.zip");
        }
        Path directory = Files.isDirectory(runFolderOrModel) ? runFolderOrModel : runFolderOrModel.getParent();
        Path modelFile = Files.isDirectory(runFolderOrModel) ? runFolderOrModel.resolve("model.zip") : runFolderOrModel;
        if (!Files.isRegularFile(modelFile)) {
            throw new RunStoreException(modelFile, "has no trained model (did the run finish at least one epoch?)");
        }
        TrainedModel model = TrainedModel.load(modelFile);
        byte[] preprocessing = model.extraEntry(RunLauncher.PREPROCESSING_ENTRY);
        byte[] config = model.extraEntry(RunLauncher.CONFIG_ENTRY);
        if (preprocessing == null || config == null) {
            throw new RunStoreException(modelFile, "was not saved by a workbench run (no preprocessing or settings)");
        }
        try {
            return new SavedRun(directory, JSON.readValue(config, RunConfig.class), model,
                    JSON.readValue(preprocessing, FittedPreprocessing.class));
        } catch (IOException unreadable) {
            throw new RunStoreException(modelFile, "holds settings that cannot be read (" + unreadable.getMessage()
                    + ")", unreadable);
        }
    }

    /** New data as sequences built and preprocessed exactly as the run's training data were. */
    public NewDataSequences sequences(ExpressionData data) {
        return sequences(data, null);
    }

    /**
     * New data as sequences, labelled or not; {@code groupColumn}, when not null, names the column that tells
     * the new data's trajectories (donors, lines, cultures) apart in place of the run's group column.
     */
    public NewDataSequences sequences(ExpressionData data, String groupColumn) {
        return DatasetPreparation.sequencesForNewData(data, preprocessing, config.preparation().sequences(),
                model.classNames(), groupColumn);
    }
}
