package org.cardiacrnn.io;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.cardiacrnn.WorkbenchException;

/**
 * A first pass over a JSON settings file, before it is mapped onto a record: syntax errors and fractional numbers
 * where a whole number is expected are reported as {@code hp.json, line 3, column 18: "hiddenUnits" must be a whole
 * number; got 16.7}, never in Jackson's words (Jackson would also quietly round 16.7 down to 16).
 */
public final class JsonInput {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonInput() {
    }

    /** A problem in a JSON file the user wrote, located by line and column. */
    public static final class JsonInputException extends WorkbenchException {
        public JsonInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks {@code json}: it must parse, and every field named in {@code wholeNumberFields} (at any depth) that
     * holds a number must hold a whole one.
     */
    public static void check(String json, String source, Set<String> wholeNumberFields) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    continue;
                }
                if (token == JsonToken.VALUE_NUMBER_FLOAT && field != null && wholeNumberFields.contains(field)) {
                    double value = parser.getDoubleValue();
                    if (value != Math.rint(value) || Double.isInfinite(value)) {
                        throw new JsonInputException(at(source, parser.currentTokenLocation()) + "\"" + field
                                + "\" must be a whole number; got " + parser.getText(), null);
                    }
                }
                field = null;
            }
        } catch (JsonProcessingException syntax) {
            throw new JsonInputException(at(source, syntax.getLocation()) + "not valid JSON: "
                    + plainWords(syntax.getOriginalMessage()), syntax);
        } catch (IOException unreadable) {
            throw new JsonInputException(source + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    private static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source + ": ";
        }
        return source + ", line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /** Jackson's first sentence without its hints about features and sources. */
    private static String plainWords(String message) {
        String text = message == null ? "unreadable" : message;
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        int hint = text.indexOf(": was expecting");
        return (hint > 0 ? text.substring(0, hint) : text).replaceAll("\\s*\\(code \\d+\\)", "").trim();
    }
}
