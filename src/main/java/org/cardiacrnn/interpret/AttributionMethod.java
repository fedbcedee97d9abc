package org.cardiacrnn.interpret;

import java.util.Locale;

/** How input attributions are computed. */
public enum AttributionMethod {
    /** Integrated gradients (Sundararajan et al. 2017): path integral from a baseline, complete by construction. */
    INTEGRATED_GRADIENTS("integrated-gradients"),
    /** Gradient × (input − baseline) at the input alone: one backward pass, a first-order estimate. */
    GRADIENT_INPUT("gradient-input");

    private final String cliName;

    AttributionMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The method named {@code name} on the command line, or an error listing the choices. */
    public static AttributionMethod parse(String name) {
        for (AttributionMethod method : values()) {
            if (method.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new InterpretException("--method must be integrated-gradients or gradient-input, not \"" + name + "\"");
    }
}
