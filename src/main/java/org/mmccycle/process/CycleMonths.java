package org.mmccycle.process;

import java.time.YearMonth;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which months may be opened: from a year before the current month to a year after it
 * ({@code mmc.cycle.open-months-either-side}, 12). A month further away is a typo ({@code 0001-01},
 * {@code 9999-12}) that would open a cycle per client with visits and deadlines nobody can keep.
 */
@Component
public class CycleMonths {

  private final CycleClock clock;
  private final int monthsEitherSide;

  public CycleMonths(CycleClock clock, @Value("${mmc.cycle.open-months-either-side:12}") int monthsEitherSide) {
    if (monthsEitherSide < 1) {
      throw new IllegalArgumentException("mmc.cycle.open-months-either-side must be at least 1, not " + monthsEitherSide);
    }
    this.clock = clock;
    this.monthsEitherSide = monthsEitherSide;
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
