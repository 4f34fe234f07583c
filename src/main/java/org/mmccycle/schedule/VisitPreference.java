package org.mmccycle.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a client likes to be visited: any day, a weekday ("TUESDAY"), or the n-th weekday of the
 * month ("2 TUESDAY": the second Tuesday).
 */
public record VisitPreference(DayOfWeek weekday, Integer nth) {

  public static final VisitPreference ANY_DAY = new VisitPreference(null, null);
  private static final Pattern FORM = Pattern.compile("(?:([1-5])(?:st|nd|rd|th)?\\s+)?([A-Za-z]+)");

  public VisitPreference {
    if (nth != null && (weekday == null || nth < 1 || nth > 5)) {
      throw new IllegalArgumentException("the n-th weekday needs a weekday and n from 1 to 5");
    }
  }

  /** Parses "", "TUESDAY", "tuesday", "2 TUESDAY" or "2nd Tuesday". */
  public static VisitPreference parse(String text) {
    if (text == null || text.isBlank()) {
      return ANY_DAY;
    }
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("a visit preference is a weekday (TUESDAY) or the n-th weekday (2 TUESDAY), not '" + text + "'");
    }
    DayOfWeek weekday;
    try {
      weekday = DayOfWeek.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + matcher.group(2) + "' is not a weekday");
    }
    return new VisitPreference(weekday, matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1)));
  }

  public boolean isAnyDay() {
    return weekday == null;
  }

  public boolean matches(LocalDate date) {
    if (weekday == null) {
      return true;
    }
    return date.getDayOfWeek() == weekday && (nth == null || (date.getDayOfMonth() - 1) / 7 + 1 == nth);
  }

  @Override
  public String toString() {
    if (weekday == null) {
      return "any day";
    }
    String day = weekday.name().charAt(0) + weekday.name().substring(1).toLowerCase(Locale.ROOT);
    return nth == null ? day : switch (nth) {
      case 1 -> "first ";
      case 2 -> "second ";
      case 3 -> "third ";
      case 4 -> "fourth ";
      default -> "fifth ";
    } + day + " of the month";
  }
}
