package org.mmccycle.notify;

import java.util.Date;
import java.util.List;

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
}
