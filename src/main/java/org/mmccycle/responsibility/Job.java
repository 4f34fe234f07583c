package org.mmccycle.responsibility;

import java.util.Arrays;
import java.util.Optional;

/**
 * The jobs of a client cycle, as the responsibility table ({@code processes/responsibility.dmn}),
 * the mails, the metrics and the compliance report name them: one place that ties a job to its
 * user task in the client cycle model and to the deadline variable it is due by.
 */
public enum Job {

  SCHEDULE("schedule", "Schedule visit", "Task_ScheduleVisit", "schedulingDeadline"),
  EXECUTE("execute", "Execute checklist", "Task_ExecuteChecklist", "executionDeadline"),
  REVISE("revise", "Revise checklist", "Task_ReviseChecklist", "publicationDeadline"),
  PUBLISH("publish", "Publish checklist", "Task_PublishChecklist", "publicationDeadline"),
  FILE("file", "File record", "Task_FileRecord", "filingDeadline"),
  /** Resolving an overdue job (the "Resolve overdue …" tasks of the service managers). */
  ESCALATION("escalation", "Resolve overdue job", null, null);

  private final String key;
  private final String label;
  private final String taskDefinitionKey;
  private final String deadlineVariable;

  Job(String key, String label, String taskDefinitionKey, String deadlineVariable) {
    this.key = key;
    this.label = label;
    this.taskDefinitionKey = taskDefinitionKey;
    this.deadlineVariable = deadlineVariable;
  }

  /** The job's name in the DMN table and in expressions: {@code execute}, {@code file}, … */
  public String key() {
    return key;
  }

  /** What a person reads: "Execute checklist". */
  public String label() {
    return label;
  }

  /** The user task of the client cycle model that does this job, or null. */
  public String taskDefinitionKey() {
    return taskDefinitionKey;
  }

  /** The process variable (an input of the Monthly jobs subprocess) holding the job's deadline, or null. */
  public String deadlineVariable() {
    return deadlineVariable;
  }

  /** The four jobs that every cycle must do by their deadlines (the compliance report's columns). */
  public static Job[] monthly() {
    return new Job[] {EXECUTE, REVISE, PUBLISH, FILE};
  }

  public static Job of(String key) {
    return Arrays.stream(values()).filter(job -> job.key.equalsIgnoreCase(key == null ? "" : key.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no job '" + key + "' (schedule, execute, revise, publish, file, escalation)"));
  }

  /** The job a user task of the client cycle does; the Resolve overdue tasks are {@link #ESCALATION}. */
  public static Optional<Job> ofTask(String taskDefinitionKey) {
    if (taskDefinitionKey == null) {
      return Optional.empty();
    }
    if (taskDefinitionKey.startsWith("Task_ResolveOverdue")) {
      return Optional.of(ESCALATION);
    }
    return Arrays.stream(values()).filter(job -> taskDefinitionKey.equals(job.taskDefinitionKey)).findFirst();
  }
}
