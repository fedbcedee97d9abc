package org.cardiacrnn.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.cardiacrnn.WorkbenchException;

/**
 * A failure as the user sees it: what they were doing, what went wrong in their terms, and the
 * technical detail folded away underneath.
 */
public record UserError(String title, String message, String detail) {

    /** Describes a failure of the action named by {@code title}. */
    public static UserError of(String title, Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof WorkbenchException)) {
            cause = cause.getCause();
        }
        String message = cause != null
                ? cause.getMessage()
                : I18n.text("error.unexpected", String.valueOf(failure.getMessage()));
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return new UserError(title, message, trace.toString());
    }
}
