package org.mmccycle.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.regex.Pattern;

/**
 * The one place for the rules on names, slugs and free text that our API, imports and forms accept.
 * Bean Validation ({@link Slug}, {@link PlainText}) and the importers both call these checks.
 */
public final class Texts {

  /** Lower-case words of letters and digits joined by single hyphens: {@code harbour-dental}. */
  public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  public static final int SLUG_MAX = 64;
  public static final int NAME_MAX = 200;
  public static final int NOTE_MAX = 2000;
  public static final int TEXT_MAX = 4000;

  private Texts() {}

  /** Why {@code value} is not a slug, or {@code null} when it is one. */
  public static String slugProblem(String value) {
    if (value == null || value.isEmpty()) {
      return "must not be empty";
    }
    if (value.length() > SLUG_MAX) {
      return "must be at most " + SLUG_MAX + " characters";
    }
    if (!SLUG.matcher(value).matches()) {
      return "must be lower-case letters and digits in words joined by single hyphens (like harbour-dental)";
    }
    return null;
  }

  /**
   * Why {@code value} is not acceptable plain text, or {@code null} when it is: control characters
   * are refused, except newline and tab when {@code multiline}; so are the invisible characters that
   * change the direction text is shown in ({@code Harbour \u202Efdp.exe} shows as "Harbour exe.pdf")
   * and the byte-order mark.
   */
  public static String controlCharacterProblem(String value, boolean multiline) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
      if (!allowed && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
        return "must not contain control characters (found U+" + String.format("%04X", (int) c) + " at position " + (i + 1) + ")";
      }
      if (isDirectionControl(c) || c == '\uFEFF') {
        return "must not contain invisible direction or byte-order marks (found U+" + String.format("%04X", (int) c)
            + " at position " + (i + 1) + "): they make text read differently from what it is";
      }
    }
    return null;
  }

  /** The bidirectional formatting characters of Unicode: marks, embeddings, overrides and isolates. */
  private static boolean isDirectionControl(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /** Throws {@link IllegalArgumentException} naming {@code field} unless {@code value} is a slug. */
  public static String requireSlug(String field, String value) {
    String problem = slugProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(field + " '" + abbreviate(value) + "' " + problem);
    }
    return value;
  }

  /**
   * Throws {@link IllegalArgumentException} naming {@code field} unless {@code value} is present
   * (when {@code required}), at most {@code max} characters and free of control characters.
   * Returns the value trimmed, or {@code null} for an absent optional value.
   */
  public static String requireText(String field, String value, int max, boolean required, boolean multiline) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new IllegalArgumentException(field + " must not be empty");
      }
      return null;
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters (it has " + value.length() + ")");
    }
    String problem = controlCharacterProblem(value, multiline);
    if (problem != null) {
      throw new IllegalArgumentException(field + " " + problem);
    }
    return value.trim();
  }

  /** A value as it may be quoted in a message: at most 40 characters, control characters shown as ?. */
  public static String abbreviate(String value) {
    if (value == null) {
      return "";
    }
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }

  /**
   * The text of an uploaded file in its declared charset (UTF-8 when none is declared), refusing bytes
   * that are not valid in it: a Latin-1 file sent as UTF-8 would otherwise be stored with U+FFFD in
   * place of every umlaut.
   *
   * @throws IllegalArgumentException naming the line of the first bad byte
   */
  public static String decode(byte[] bytes, Charset charset) {
    var decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    var in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new IllegalArgumentException("line " + line + ": the file is not valid " + charset.name() + " (byte 0x"
          + String.format("%02X", bytes[Math.min(offset, bytes.length - 1)] & 0xFF) + "): save it as " + charset.name()
          + " or send its charset (Content-Type: text/csv; charset=ISO-8859-1)");
    }
  }
}
