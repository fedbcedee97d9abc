package org.cardiacrnn.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.cardiacrnn.WorkbenchException;
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
                ? cause.getMessage()
                : I18n.text("error.unexpected", String.valueOf(failure.getMessage()));
        LOG.warn("{}: {}", title, message, failure);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return new UserError(title, message, trace.toString());
    }
}
