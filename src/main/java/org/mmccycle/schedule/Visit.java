package org.mmccycle.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A visit in the calendar: planned for a date, then executed on site or remotely.
 *
 * @param uid stable identity in iCalendar feeds
 * @param sequence grows with every move, so that calendar clients update the event
 */
public record Visit(
    long id,
    String uid,
    String clientSlug,
    String clientName,
    String cycleMonth,
    String technician,
    LocalDate plannedDate,
    Status status,
    String visitMode,
    Instant executedAt,
    int sequence,
    String explanation,
    String overrideReason,
    String overriddenBy,
    Instant updatedAt) {

  public enum Status { PLANNED, DONE }

  public static final String ON_SITE = "on-site";
  public static final String REMOTE = "remote";

  /** Planned, and the day is over without it being done. */
  public boolean isOverdue(LocalDate today) {
    return status == Status.PLANNED && plannedDate.isBefore(today);
  }

  public String displayStatus(LocalDate today) {
    if (status == Status.DONE) {
      return ON_SITE.equals(visitMode) ? "done on site" : "done remotely";
    }
    return isOverdue(today) ? "overdue" : "planned";
  }
}
