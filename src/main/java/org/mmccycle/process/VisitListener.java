package org.mmccycle.process;

import org.mmccycle.cycle.CycleCalendar;
import static org.mmccycle.process.CycleVariables.ON_SITE_REQUIRED;
import static org.mmccycle.process.CycleVariables.ON_SITE_WAIVED;
import static org.mmccycle.process.CycleVariables.OVERRIDE_REASON;
import static org.mmccycle.process.CycleVariables.VISIT_DATE;
import static org.mmccycle.process.CycleVariables.VISIT_MODE;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.schedule.Visit;
import org.mmccycle.schedule.VisitCalendar;
import org.mmccycle.security.MmcGroups;
import org.springframework.stereotype.Component;

/**
 * What Schedule visit and Execute checklist do when they complete ({@link CycleTasks}): Schedule visit
 * confirms the chosen date in the calendar (or refuses to complete, saying why); Execute checklist
 * records the visit and applies the on-site policy. The client and month are the cycle's record's.
 * A refusal is a {@link BadUserRequestException}: Tasklist and /engine-rest show it as a 400 with
 * the reason, and the task stays open.
 */
@Component
public class VisitListener {

  private final VisitCalendar calendar;
  private final TaskUsers users;
  private final CycleCalendar clock;
  private final CycleRecords records;

  public VisitListener(VisitCalendar calendar, TaskUsers users, CycleCalendar clock, CycleRecords records) {
    this.calendar = calendar;
    this.users = users;
    this.clock = clock;
    this.records = records;
  }

  public void scheduled(DelegateTask task) {
    LocalDate date = date(task.getVariable(VISIT_DATE));
    String userId = users.who(task);
    List<String> groups = users.groups();
    boolean mayOverride = MmcGroups.overrule(groups);
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    try {
      Visit visit = calendar.confirm(cycle.clientSlug(), cycle.month(), date, clock.today(), userId, mayOverride,
          (String) task.getVariable(OVERRIDE_REASON));
      String planned = visit.plannedDate().toString();
      if (!planned.equals(task.getVariable(VISIT_DATE))) {
        // the form may send a date-time; the cycle keeps the day (set again only when it differs: one update less)
        task.setVariable(VISIT_DATE, planned);
      }
    } catch (IllegalArgumentException refused) {
      throw new BadUserRequestException(refused.getMessage());
    }
  }

  public void executed(DelegateTask task) {
    Object mode = task.getVariable(VISIT_MODE);
    if (!Visit.ON_SITE.equals(mode) && !Visit.REMOTE.equals(mode)) {
      throw new BadUserRequestException("Say whether the visit was on site or remote (visitMode 'on-site' or 'remote').");
    }
    boolean required = Boolean.TRUE.equals(task.getVariable(ON_SITE_REQUIRED));
    boolean waived = Boolean.TRUE.equals(task.getVariable(ON_SITE_WAIVED));
    if (Visit.REMOTE.equals(mode) && required && !waived) {
      throw new BadUserRequestException("This month's visit must be on site: the client has had no on-site visit for too long. "
          + "A service manager can waive this when scheduling the visit.");
    }
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    calendar.recordExecution(cycle.clientSlug(), cycle.month(), (String) mode, clock.now(), clock.today());
  }

  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new BadUserRequestException("Choose the visit date.");
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("The visit date must be a date like 2026-11-16, not '" + text + "'.");
    }
  }
}
