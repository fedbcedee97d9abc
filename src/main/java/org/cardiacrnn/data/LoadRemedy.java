package org.cardiacrnn.data;

/**
 * What a user can change to get past a {@link DataFormatException}. The engine names the remedy and leaves
 * the words to each face: the CLI names its option, the GUI the field of its import dialog.
 */
public enum LoadRemedy {
    /** Name the metadata table's sample id column, or give a headerless per-sample file as annotations. */
    SAMPLE_ID_COLUMN
}
