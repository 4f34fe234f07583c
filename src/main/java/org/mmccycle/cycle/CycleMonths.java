package org.mmccycle.cycle;

import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * Which months may be opened: from a year before the current month to a year after it
 * ({@code mmc.cycle.open-months-either-side}, 12). A month further away is a typo ({@code 0001-01},
 * {@code 9999-12}) that would open a cycle per client with visits and deadlines nobody can keep.
 */
@Component
public class CycleMonths {

  private final CycleCalendar clock;
  private final int monthsEitherSide;

  public CycleMonths(CycleCalendar clock, CycleSettings settings) {
    this.clock = clock;
    this.monthsEitherSide = settings.openMonthsEitherSide();
  }

  /** @throws IllegalArgumentException naming the months that may be opened */
  public YearMonth requireOpenable(YearMonth month) {
    YearMonth now = clock.currentMonth();
    YearMonth first = now.minusMonths(monthsEitherSide);
    YearMonth last = now.plusMonths(monthsEitherSide);
    if (month.isBefore(first) || month.isAfter(last)) {
      throw new IllegalArgumentException("month " + CycleMonth.format(month) + " is too far from now: cycles are opened for "
          + CycleMonth.format(first) + " to " + CycleMonth.format(last));
    }
    return month;
  }
}
