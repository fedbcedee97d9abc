package org.cardiacrnn.nn;

import java.util.Locale;

import org.cardiacrnn.WorkbenchException;

/**
 * Which output of a softmax classifier is differentiated for a class c, with z the output layer's logits and p =
 * softmax(z).
 */
public enum ClassOutput {
    /** p_c: saturates near 0 and 1, so a confidently classified sequence leaves little to share out. */
    PROBABILITY("probability"),
    /**
     * log p_c = z_c − log Σ exp(z): what the decision between classes depends on; a gene that raises every logit
     * alike leaves it unchanged and gets no credit, and near p_c = 1 what is credited is the margin over the
     * runner-up classes.
     */
    LOG_PROBABILITY("log-probability"),
    /** z_c alone: credits genes that raise every class's logit as much as genes that single out c. */
    LOGIT("logit");

    private final String cliName;

    ClassOutput(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The output named {@code name} on the command line, or an error listing the choices. */
    public static ClassOutput parse(String name) {
        for (ClassOutput output : values()) {
            if (output.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return output;
            }
        }
        throw new WorkbenchException("--output must be probability, log-probability or logit, not \"" + name + "\"");
    }
}
