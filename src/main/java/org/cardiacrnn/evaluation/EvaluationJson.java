package org.cardiacrnn.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON form of an {@link EvaluationReport} (the run folder's {@code evaluation.json}). NaN and ±∞ are
 * written as the strings "NaN", "Infinity" and "-Infinity", since JSON has no numbers for them.
 */
public final class EvaluationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {
    }

    public static String toJson(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new EvaluationException("could not write the evaluation report as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** Parses a report; {@code source} (a file name) is named in the error if the text is not a valid report. */
    public static EvaluationReport fromJson(String json, String source) {
        try {
            return MAPPER.readValue(json, EvaluationReport.class);
        } catch (JsonProcessingException e) {
            throw new EvaluationException(source + " is not a valid evaluation report: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
    }
}
