package org.mmccycle.cycle;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One job of one client's cycle as it went: when it was due, who did it and when, whether its deadline
 * passed and what the service managers did about it. Written as the process goes ({@link JobRecords}).
 *
 * @param taskOpen whether the job's task is open in Tasklist now
 * @param workMillis how long the task was open until it was done
 * @param overdueAt when the deadline passed with the job not done (its escalation started)
 * @param escalationOpen whether a "Resolve overdue" task of this job is open now
 * @param resolutionMillis how long the escalation took to resolve
 */
public record JobRecord(String clientSlug, String clientName, YearMonth month, Job job, Instant due, boolean taskOpen,
    Instant taskStartedAt, String assignee, String candidateGroup, Instant doneAt, String doneBy, Long workMillis,
    Instant remindedAt, Instant overdueAt, boolean escalationOpen, Instant escalationDue, String escalationGroup,
    Instant resolvedAt, String resolvedBy, String resolution, Long resolutionMillis) {

  /** How the job stands at the moment given; without a due date, the end of its month is the deadline. */
  public JobStatus status(Instant now, Instant endOfMonth) {
    return JobStatus.of(due, doneAt, now, endOfMonth);
  }

  /** The groups that may claim the job's task. */
  public List<String> candidateGroups() {
    return groups(candidateGroup);
  }

  /** The groups that resolve the job when it is overdue. */
  public List<String> escalationGroups() {
    return groups(escalationGroup);
  }

  private static List<String> groups(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
  }

  /** The cycle as people know it: {@code harbour-dental:2026-11}. */
  public String cycleKey() {
    return clientSlug + ":" + CycleMonth.format(month);
  }
}
