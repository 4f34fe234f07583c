package org.mmccycle.cycle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a task of a client's cycle is called on its card in Tasklist, in every filter and in Cockpit:
 * the step, whose, which month and when the visit is ("Execute checklist · Harbour Dental Practice ·
 * December 2026 · visit Mon 14 Dec"), so that a technician finds her client without opening each card.
 * Tasklist's search by name finds a client's tasks by its name.
 */
public final class TaskTitle {

  /** The engine's column for a task's name holds 255 characters. */
  static final int MAX_LENGTH = 255;
  private static final String SEPARATOR = " · ";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private TaskTitle() {
  }

  /**
   * The title of a step of a cycle.
   *
   * @param step the step's name in the model ("Execute checklist")
   * @param visitDate the visit's date ("yyyy-MM-dd"), null or unreadable when none is known yet
   * @param proposed whether the date is the planner's proposal, not yet confirmed (the Schedule task)
   */
  public static String of(String step, CycleRecord cycle, String visitDate, boolean proposed) {
    StringBuilder title = new StringBuilder(step == null || step.isBlank() ? "Task" : step.strip());
    title.append(SEPARATOR).append(cycle.clientName()).append(SEPARATOR).append(month(cycle.month()));
    LocalDate visit = CycleCalendar.dayOrNull(visitDate);
    if (visit != null) {
      title.append(SEPARATOR).append(proposed ? "proposed " : "visit ").append(visit.format(DAY));
    }
    return title.length() <= MAX_LENGTH ? title.toString() : title.substring(0, MAX_LENGTH - 1) + "…";
  }

  public static String month(YearMonth month) {
    return month.format(MONTH);
  }
}
