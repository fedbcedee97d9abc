package org.cardiacrnn.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an {@link EvaluationReport} (the run folder's {@code evaluation.json}). NaN and ±∞ are
 * written as the strings "NaN", "Infinity" and "-Infinity", since JSON has no numbers for them.
 */
public final class EvaluationJson {

    // Unknown fields are skipped so a report read back ignores what sits beside it (the baseline comparison).
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Field of evaluation.json holding the {@link BaselineComparison}. */
    public static final String BASELINES_FIELD = "baselines";

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

    /** The report with the network's comparison with static baselines beside it, under "baselines". */
    public static String toJson(EvaluationReport report, BaselineComparison baselines) {
        try {
            ObjectNode tree = MAPPER.valueToTree(report);
            tree.set(BASELINES_FIELD, MAPPER.valueToTree(baselines));
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EvaluationException("could not write the evaluation report as JSON: " + e.getMessage(), e);
        }
    }

    /** The baseline comparison of an evaluation.json, or null when it has none (runs from before baselines). */
    public static BaselineComparison baselinesFromJson(String json, String source) {
        try {
            JsonNode node = MAPPER.readTree(json).get(BASELINES_FIELD);
            return node == null || node.isNull() ? null : MAPPER.treeToValue(node, BaselineComparison.class);
        } catch (JsonProcessingException e) {
            throw new EvaluationException(source + " holds a baseline comparison that cannot be read: "
                    + e.getOriginalMessage(), e);
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
