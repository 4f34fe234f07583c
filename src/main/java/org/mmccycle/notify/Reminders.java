package org.mmccycle.notify;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.schedule.VisitRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When to remind people of a deadline, for timers in the models:
 * {@code ${reminders.before(executionDeadline, 3)}} is 08:00 (mmc.mail.reminder-time) on the third
 * business day before the day the job is due. Business days are the visit planner's: no weekend, no
 * public holiday of {@code mmc.schedule.holidays}.
 */
@Component("reminders")
public class Reminders {

  private final CycleCalendar clock;
  private final VisitRules rules;
  private final LocalTime reminderTime;

  public Reminders(CycleCalendar clock, VisitRules rules, @Value("${mmc.mail.reminder-time:08:00}") LocalTime reminderTime) {
    this.clock = clock;
    this.rules = rules;
    this.reminderTime = reminderTime;
  }

  /**
   * The moment to remind: {@code businessDays} business days before the day the deadline falls on,
   * at the reminder time. A deadline is the end of its day (the next midnight), so a deadline
   * "by the 20th" is due on the 20th.
   */
  public Date before(Date deadline, int businessDays) {
    if (deadline == null) {
      throw new IllegalArgumentException("no deadline to remind of");
    }
    if (businessDays < 0) {
      throw new IllegalArgumentException("remind 0 or more business days before a deadline, not " + businessDays);
    }
    LocalDate day = dueDay(deadline);
    for (int i = 0; i < businessDays; i++) {
      day = day.minusDays(1);
      while (!rules.isBusinessDay(day)) {
        day = day.minusDays(1);
      }
    }
    return Date.from(day.atTime(reminderTime).atZone(clock.zone()).toInstant());
  }

  /** The day a deadline falls on, in the firm's zone: the day whose end it is, if it is a midnight. */
  public LocalDate dueDay(Date deadline) {
    return deadline.toInstant().minusNanos(1).atZone(clock.zone()).toLocalDate();
  }
}
