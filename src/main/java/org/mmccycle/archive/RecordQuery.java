package org.mmccycle.archive;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.mmccycle.checklist.ChecklistItem;

/**
 * A search of the archive across clients and months. Every criterion is optional; blank means
 * "any". Record criteria: {@code client} (the slug, or part of the client's name), {@code from}
 * and {@code to} (inclusive months). Item criteria: {@code status}, {@code section} (part of the
 * section's title) and {@code text} (part of the item's text or note); a record matches when one
 * of its items matches all item criteria given.
 *
 * @param limit at most this many records, 1 to {@value #MAX_LIMIT}
 */
public record RecordQuery(
    String client, String from, String to, String status, String section, String text, int limit) {

  /** Records returned when the caller asks for no limit. */
  public static final int DEFAULT_LIMIT = 100;
  /** The most records one search returns. */
  public static final int MAX_LIMIT = 500;

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
  private static final Set<String> STATUSES = Set.of(ChecklistItem.DONE, ChecklistItem.ISSUE, ChecklistItem.NOT_APPLICABLE);

  /**
   * Checks and normalises the criteria as a caller sent them.
   *
   * @throws IllegalArgumentException saying which criterion is wrong
   */
  public RecordQuery {
    client = blankToNull(client);
    from = month("from", from);
    to = month("to", to);
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new IllegalArgumentException("'from' (" + from + ") is after 'to' (" + to + ")");
    }
    status = blankToNull(status);
    if (status != null && !STATUSES.contains(status)) {
      throw new IllegalArgumentException("'status' must be one of done, issue, na, not '" + status + "'");
    }
    section = blankToNull(section);
    text = blankToNull(text);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT);
    }
  }

  /** Whether any item criterion is given (then the matching items are returned too). */
  public boolean hasItemCriteria() {
    return status != null || section != null || text != null;
  }

  private static String month(String name, String value) {
    String month = blankToNull(value);
    if (month == null) {
      return null;
    }
    try {
      return YearMonth.parse(month, MONTH).format(MONTH);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be a month as yyyy-MM, not '" + month + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
