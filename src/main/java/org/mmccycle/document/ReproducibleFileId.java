package org.mmccycle.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Makes FOP's output reproducible. FOP digests the current time into the trailer's file
 * identifier ({@code /ID [<hex> <hex>]}) and offers no hook to change that, so the same document
 * would never render to the same bytes twice, and a re-run filing job could not be recognised as a
 * repeat. This replaces both identifiers with a digest of the document itself; the replacement
 * has the same length, so the cross-reference offsets stay valid.
 */
final class ReproducibleFileId {

  private static final byte[] MARKER = "/ID [<".getBytes(StandardCharsets.US_ASCII);
  private static final int HEX_LENGTH = 32;

  private ReproducibleFileId() {}

  static byte[] apply(byte[] pdf) {
    int first = lastIndexOf(pdf, MARKER) + MARKER.length;
    int second = first + HEX_LENGTH + 3;
    if (first < MARKER.length || second + HEX_LENGTH >= pdf.length
        || !"> <".equals(new String(pdf, first + HEX_LENGTH, 3, StandardCharsets.US_ASCII))) {
      throw new IllegalStateException("No file identifier of the expected form in FOP's output");
    }
    byte[] copy = pdf.clone();
    Arrays.fill(copy, first, first + HEX_LENGTH, (byte) '0');
    Arrays.fill(copy, second, second + HEX_LENGTH, (byte) '0');
    byte[] id = HexFormat.of().withUpperCase().formatHex(md5(copy)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(id, 0, copy, first, HEX_LENGTH);
    System.arraycopy(id, 0, copy, second, HEX_LENGTH);
    return copy;
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int lastIndexOf(byte[] bytes, byte[] pattern) {
    for (int i = bytes.length - pattern.length; i >= 0; i--) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }
}
