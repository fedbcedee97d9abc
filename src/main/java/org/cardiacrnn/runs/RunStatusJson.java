package org.cardiacrnn.runs;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link RunStatus} to and from the JSON tree of {@code run.json}; times are ISO-8601 UTC strings. */
final class RunStatusJson {

    private RunStatusJson() {
    }

    static ObjectNode toTree(RunStatus status) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", status.name());
        node.put("preset", status.preset());
        node.put("state", status.state().name());
        node.put("startedAt", status.startedAt().toString());
        node.put("finishedAt", status.finishedAt() == null ? null : status.finishedAt().toString());
        if (status.duration() == null) {
            node.putNull("durationSeconds");
        } else {
            node.put("durationSeconds", status.duration().toMillis() / 1000.0);
        }
        ObjectNode hyperparameters = node.putObject("hyperparameters");
        status.hyperparameters().forEach(hyperparameters::put);
        putNumber(node, "bestValidationAccuracy", status.bestValidationAccuracy());
        putNumber(node, "testAccuracy", status.testAccuracy());
        node.put("message", status.message());
        node.put("lastCheckpoint", status.lastCheckpoint());
        node.put("ownerPid", status.ownerPid());
        node.put("ownerStartedAt", status.ownerStartedAt() == null ? null : status.ownerStartedAt().toString());
        return node;
    }

    /** NaN ("not yet measured") is written as null, which JSON readers understand. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    static RunStatus fromTree(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Map<String, String> hyperparameters = new LinkedHashMap<>();
        JsonNode hp = node.path("hyperparameters");
        hp.fieldNames().forEachRemaining(key -> hyperparameters.put(key, hp.get(key).asText()));
        String state = text(node, "state", true);
        RunState runState;
        try {
            runState = RunState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"state\": unknown state \"" + state + "\"");
        }
        return new RunStatus(text(node, "name", true), text(node, "preset", false), runState,
                instant(node, "startedAt", true), instant(node, "finishedAt", false), hyperparameters,
                number(node, "bestValidationAccuracy"), number(node, "testAccuracy"), text(node, "message", false),
                text(node, "lastCheckpoint", false), node.path("ownerPid").asLong(-1),
                instant(node, "ownerStartedAt", false));
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("field \"" + field + "\" is missing");
            }
            return null;
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field, boolean required) {
        String text = text(node, field, required);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field \"" + field + "\": \"" + text + "\" is not an ISO-8601 time");
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field \"" + field + "\": expected a number, found " + value);
        }
        return value.asDouble();
    }
}
