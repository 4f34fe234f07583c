package org.mmccycle.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The firm's calendar on the application's one {@link Clock} (which follows the engine's clock, so a
 * test moves one clock for everything): now, today and this month in the firm's zone, and the end of a
 * day of a cycle's month as deadlines are written.
 */
@Component
public class CycleCalendar {

  private final Clock clock;

  public CycleCalendar(Clock clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public ZoneId zone() {
    return clock.getZone();
  }

  /**
   * A deadline as people read it, in the firm's zone: "the end of Sun 20 Dec 2026" for the midnight that
   * ends a day (how the models set deadlines), else "Mon 21 Dec 2026, 14:30".
   */
  public String describeDeadline(Instant deadline) {
    ZonedDateTime at = deadline.atZone(zone());
    if (at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "the end of " + at.minusDays(1).format(DAY);
    }
    return at.format(DAY) + ", " + at.format(TIME);
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public YearMonth currentMonth() {
    return YearMonth.now(clock);
  }

  /** The month asked for ("yyyy-MM", a clear error otherwise), or the current one when none is given (null or blank). */
  public YearMonth monthOrCurrent(String month) {
    return month == null || month.isBlank() ? currentMonth() : CycleMonth.parse(month.trim());
  }

  /** A day as forms and variables write it ("2026-12-14"; an ISO date-time is cut to its day), or null when it is none. */
  public static LocalDate dayOrNull(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException notADay) {
      return null;
    }
  }

  /** The midnight that ends this day in the firm's zone (how deadlines are written). */
  public Date endOfDay(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(zone()).toInstant());
  }

  /** The end of the given day of the cycle's month (the next day at midnight), as a timer or due date. */
  public Date endOfDay(YearMonth month, int dayOfMonth) {
    if (dayOfMonth < 1 || dayOfMonth > month.lengthOfMonth()) {
      throw new IllegalArgumentException("day " + dayOfMonth + " is not in " + month);
    }
    return Date.from(month.atDay(dayOfMonth).plusDays(1).atStartOfDay(zone()).toInstant());
  }
}
