package org.mmccycle.checklist;

import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The months (1 = January … 12) in which an item is due: all twelve for {@link Frequency#MONTHLY},
 * four months three apart for {@link Frequency#QUARTERLY} (e.g. 1, 4, 7, 10), one for
 * {@link Frequency#YEARLY}. The one place for the rule of which month an item is due in.
 */
public record Recurrence(Frequency frequency, List<Integer> months) {

  public static final Recurrence MONTHLY = anchored(Frequency.MONTHLY, 1);
  /** Recurrences as read from the database, by their stored text (immutable, so shared). */
  private static final Map<String, Recurrence> STORED = new ConcurrentHashMap<>();

  public Recurrence {
    if (frequency == null) {
      throw new IllegalArgumentException("frequency must be MONTHLY, QUARTERLY or YEARLY");
    }
    if (months == null) {
      throw new IllegalArgumentException("due months must be given");
    }
    var sorted = new TreeSet<Integer>();
    for (Integer month : months) {
      if (month == null || month < 1 || month > 12) {
        throw new IllegalArgumentException("due months are 1 (January) to 12 (December), not " + month);
      }
      sorted.add(month);
    }
    if (sorted.size() != frequency.monthsPerYear() || sorted.size() != months.size()) {
      throw new IllegalArgumentException("a " + frequency.name().toLowerCase() + " item is due in " + frequency.monthsPerYear()
          + " different month(s) of the year, not in " + months);
    }
    if (frequency == Frequency.QUARTERLY) {
      int first = sorted.first();
      for (int i = 0; i < 4; i++) {
        if (!sorted.contains((first - 1 + 3 * i) % 12 + 1)) {
          throw new IllegalArgumentException("a quarterly item is due every three months (like 1, 4, 7, 10), not in " + months);
        }
      }
    }
    months = List.copyOf(sorted);
  }

  /** Due every month, or in the start month and every three or twelve months after it. */
  public static Recurrence anchored(Frequency frequency, int startMonth) {
    if (startMonth < 1 || startMonth > 12) {
      throw new IllegalArgumentException("a start month is 1 to 12, not " + startMonth);
    }
    int step = 12 / frequency.monthsPerYear();
    List<Integer> months = new ArrayList<>();
    for (int i = 0; i < frequency.monthsPerYear(); i++) {
      months.add((startMonth - 1 + step * i) % 12 + 1);
    }
    return new Recurrence(frequency, months);
  }

  /**
   * The given months, or when none are given the months anchored at {@code startMonth};
   * a missing frequency is monthly.
   */
  public static Recurrence of(Frequency frequency, List<Integer> months, int startMonth) {
    Frequency f = frequency == null ? Frequency.MONTHLY : frequency;
    return months == null || months.isEmpty() ? anchored(f, startMonth) : new Recurrence(f, months);
  }

  public boolean isDueIn(Month month) {
    return months.contains(month.getValue());
  }

  /** As stored: {@code 1,4,7,10}. */
  public String storedMonths() {
    return months.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  public static Recurrence fromStored(String frequency, String months) {
    String key = frequency + ":" + months;
    Recurrence known = STORED.get(key);
    if (known != null) {
      return known;
    }
    Recurrence parsed = new Recurrence(Frequency.valueOf(frequency),
        Arrays.stream(months.split(",")).map(String::trim).map(Integer::valueOf).toList());
    // a few dozen distinct values exist (monthly, four quarterly, twelve yearly): every item of every checklist read shares them
    if (STORED.size() < 64) {
      STORED.put(key, parsed);
    }
    return parsed;
  }

  @Override
  public String toString() {
    return frequency == Frequency.MONTHLY ? "monthly" : frequency.name().toLowerCase() + " in months " + storedMonths();
  }
}
