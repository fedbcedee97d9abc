package org.cardiacrnn.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every visible string comes from {@code org/cardiacrnn/app/messages.properties} through here. */
public final class I18n {

    public static final String BUNDLE = "org.cardiacrnn.app.messages";

    private I18n() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The text for a dotted key, with {@code {0}}-style arguments filled in. */
    public static String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalStateException("missing text for key " + key, missing);
        }
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }
}
