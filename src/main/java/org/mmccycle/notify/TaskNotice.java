package org.mmccycle.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.mmccycle.cycle.JobRecord;

/**
 * What a mail says about one task, taken from the task and its cycle.
 *
 * @param taskName the task's name ("Execute checklist")
 * @param clientName the client's name ("Harbour Dental")
 * @param businessKey the cycle ({@code slug:yyyy-MM}), may be null
 * @param due the task's due date, may be null
 * @param assignee the user the task is assigned to, or null
 * @param candidateGroups the groups that may claim it
 */
public record TaskNotice(String taskName, String clientName, String businessKey, Date due, String assignee, List<String> candidateGroups) {

  public TaskNotice {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
  }

  /** The job's task, if it is open, and its escalation ("Resolve overdue …"), if that is open. */
  public static List<TaskNotice> ofOpen(JobRecord job) {
    List<TaskNotice> open = new ArrayList<>();
    if (job.taskOpen()) {
      open.add(new TaskNotice(job.job().label(), job.clientName(), job.cycleKey(), date(job.due()), job.assignee(),
          job.candidateGroups()));
    }
    if (job.escalationOpen()) {
      open.add(new TaskNotice(job.job().overdueLabel(), job.clientName(), job.cycleKey(), date(job.escalationDue()), null,
          job.escalationGroups()));
    }
    return open;
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

}
