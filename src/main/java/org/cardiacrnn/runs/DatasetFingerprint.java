package org.cardiacrnn.runs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.cardiacrnn.data.ExpressionMatrix;

/**
 * SHA-256 over an expression matrix's shape, values, sample ids and gene names, so a run records exactly
 * which data it saw. Two matrices share a fingerprint only if every value (bit for bit) and name is equal.
 */
public final class DatasetFingerprint {

    private DatasetFingerprint() {
    }

    /** {@code "sha256:"} followed by 64 lower-case hex digits. */
    public static String of(ExpressionMatrix matrix) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        buffer.putInt(matrix.sampleCount()).putInt(matrix.geneCount());
        for (float value : matrix.values()) {
            if (buffer.remaining() < Float.BYTES) {
                flush(buffer, digest);
            }
            buffer.putInt(Float.floatToIntBits(value));
        }
        flush(buffer, digest);
        names(matrix.sampleIds(), digest);
        names(matrix.geneNames(), digest);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void flush(ByteBuffer buffer, MessageDigest digest) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }

    /** Length-prefixed, so ["ab", "c"] and ["a", "bc"] differ. */
    private static void names(List<String> names, MessageDigest digest) {
        for (String name : names) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
