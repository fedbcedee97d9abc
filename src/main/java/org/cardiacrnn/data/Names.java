package org.cardiacrnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sample ids and gene names: reading one-per-line files, generating defaults, refusing duplicates. */
final class Names {

    private Names() {
    }

    /** Names from a headerless one-per-line file (first cell of each line); duplicates are an error. */
    static List<String> readFile(Path file, String what) {
        List<String> names = new ArrayList<>();
        for (String line : InputFiles.readNonBlankLines(file)) {
            names.add(DelimitedLayout.split(line, '\t').get(0));
        }
        if (names.isEmpty()) {
            throw new DataFormatException(file, "the file is empty (expected one " + what + " per line)");
        }
        int duplicate = firstDuplicate(names);
        if (duplicate >= 0) {
            throw new DataFormatException(file, duplicate + 1, 0, "duplicate " + what + " \"" + names.get(duplicate)
                    + "\" (each " + what + " must be unique)");
        }
        return names;
    }

    static List<String> generated(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** Index of the first value seen before, or -1. */
    static int firstDuplicate(List<String> names) {
        Map<String, Integer> seen = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            if (seen.putIfAbsent(names.get(i), i) != null) {
                return i;
            }
        }
        return -1;
    }

    static void requireCount(Path file, String what, List<String> names, int expected, String axis) {
        if (names.size() != expected) {
            throw new DataFormatException(file, "has " + names.size() + " " + what + "s but the matrix has "
                    + expected + " " + axis);
        }
    }
}
