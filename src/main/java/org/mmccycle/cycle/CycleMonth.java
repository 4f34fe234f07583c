package org.mmccycle.cycle;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The month a cycle belongs to, written "yyyy-MM" in variables, business keys and file names. */
public final class CycleMonth {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

  private CycleMonth() {}

  public static YearMonth parse(String month) {
    if (month == null || !month.matches("\\d{4}-\\d{2}")) {
      throw new IllegalArgumentException("month must be written yyyy-MM (for example 2026-11), not '" + month + "'");
    }
    try {
      return YearMonth.parse(month, FORMAT);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("month '" + month + "' does not exist (month 01 to 12)");
    }
  }

  public static String format(YearMonth month) {
    return month.format(FORMAT);
  }

  /** The business key of a client's cycle: {@code clientSlug:yyyy-MM}. */
  public static String businessKey(String clientSlug, YearMonth month) {
    return clientSlug + ":" + format(month);
  }
}
