package org.mmccycle.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The firm's clock and calendar: the engine's time (so that tests move it with ClockUtil) in the
 * firm's time zone ({@code mmc.cycle.time-zone}).
 */
@Component
public class CycleClock {

  private final ZoneId zone;

  public CycleClock(@Value("${mmc.cycle.time-zone}") ZoneId zone) {
    this.zone = zone;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return now().atZone(zone).toLocalDate();
  }

  public YearMonth currentMonth() {
    return YearMonth.from(now().atZone(zone));
  }

  /** The month asked for ("yyyy-MM", a clear error otherwise), or the current one when none is given (null or blank). */
  public YearMonth monthOrCurrent(String month) {
    return month == null || month.isBlank() ? currentMonth() : CycleMonth.parse(month.trim());
  }

  /** The end of the given day of the cycle's month (the next day at midnight), as a timer or due date. */
  public Date endOfDay(YearMonth month, int dayOfMonth) {
    if (dayOfMonth < 1 || dayOfMonth > month.lengthOfMonth()) {
      throw new IllegalArgumentException("day " + dayOfMonth + " is not in " + month);
    }
    return Date.from(month.atDay(dayOfMonth).plusDays(1).atStartOfDay(zone).toInstant());
  }
}
