package org.mmccycle.document;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes FOP's output reproducible, so that the same document renders to the same bytes and a
 * re-run filing job is recognised as a repeat. FOP writes the current time into two places and
 * offers no hook for either: the XMP {@code xmp:MetadataDate}, which becomes the document's
 * creation date, and the trailer's file identifier {@code /ID [<hex> <hex>]}, which becomes a
 * digest of the document itself. Both replacements have the original's length, so stream lengths
 * and cross-reference offsets stay valid.
 */
final class ReproduciblePdf {

  private static final Pattern METADATA_DATE = Pattern.compile("<xmp:MetadataDate>([^<]{1,40})</xmp:MetadataDate>");
  private static final Pattern CREATE_DATE = Pattern.compile("<xmp:CreateDate>([^<]{1,40})</xmp:CreateDate>");
  private static final Pattern FILE_ID = Pattern.compile("/ID \\[<([0-9A-Fa-f]{32})> <([0-9A-Fa-f]{32})>\\]");
  private static final String NO_ID = "0".repeat(32);

  private ReproduciblePdf() {}

  static byte[] apply(byte[] pdf) {
    // ISO-8859-1 maps every byte to one char and back, so the binary parts pass unchanged
    StringBuilder doc = new StringBuilder(new String(pdf, ISO_8859_1));
    Matcher created = CREATE_DATE.matcher(doc);
    Matcher metadata = METADATA_DATE.matcher(doc);
    if (created.find() && metadata.find() && created.group(1).length() == metadata.group(1).length()) {
      doc.replace(metadata.start(1), metadata.end(1), created.group(1));
    }
    MatchResult id = FILE_ID.matcher(doc).results().reduce((first, last) -> last)
        .orElseThrow(() -> new IllegalStateException("No file identifier of the expected form in FOP's output"));
    doc.replace(id.start(1), id.end(1), NO_ID).replace(id.start(2), id.end(2), NO_ID);
    String digest = HexFormat.of().withUpperCase().formatHex(md5(doc.toString().getBytes(ISO_8859_1)));
    doc.replace(id.start(1), id.end(1), digest).replace(id.start(2), id.end(2), digest);
    return doc.toString().getBytes(ISO_8859_1);
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
