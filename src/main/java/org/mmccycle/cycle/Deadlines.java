package org.mmccycle.cycle;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The deadline expressions of the client cycle model, as an analyst reads them in Camunda Modeler:
 * {@code ${deadlines.endOfDay(cycleMonth, 20)}} is "by the end of the 20th of the cycle's month",
 * {@code ${deadlines.endOfMonth(cycleMonth)}} "by the last day of the month".
 */
@Component("deadlines")
public class Deadlines {

  private final CycleCalendar clock;

  public Deadlines(CycleCalendar clock) {
    this.clock = clock;
  }

  public Date endOfDay(String cycleMonth, int dayOfMonth) {
    return clock.endOfDay(CycleMonth.parse(cycleMonth), dayOfMonth);
  }

  public Date endOfMonth(String cycleMonth) {
    var month = CycleMonth.parse(cycleMonth);
    return clock.endOfDay(month, month.lengthOfMonth());
  }
}
