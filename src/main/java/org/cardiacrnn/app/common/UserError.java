package org.cardiacrnn.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure as the user sees it: what they were doing, what went wrong in their terms, and the
 * technical detail folded away underneath.
 */
public record UserError(String title, String message, String detail) {

    private static final Logger LOG = LoggerFactory.getLogger(UserError.class);

    /** Describes a failure of the action named by {@code title}. */
    public static UserError of(String title, Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof WorkbenchException)) {
            cause = cause.getCause();
        }
        String message = cause != null
                ? cause.getMessage() + remedy(cause)
                : I18n.text("error.unexpected", String.valueOf(failure.getMessage()));
        LOG.warn("{}: {}", title, message, failure);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return new UserError(title, message, trace.toString());
    }

    /** What the user can change, in the words of the import dialog, which the engine leaves to each face. */
    private static String remedy(Throwable failure) {
        if (failure instanceof DataFormatException bad && bad.remedy() != null) {
            return switch (bad.remedy()) {
                case SAMPLE_ID_COLUMN -> I18n.text("error.remedy.sampleIdColumn", I18n.text("import.sampleId"),
                        I18n.text("import.metadata"), I18n.text("import.annotations"));
            };
        }
        return "";
    }
}
