package org.mmccycle.cycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The jobs of a client cycle, as the responsibility table ({@code processes/responsibility.dmn}),
 * the mails, the metrics and the compliance report name them: one place that ties a job to its
 * user task in the client cycle model and to the deadline variable it is due by.
 */
public enum Job {

  SCHEDULE("schedule", "Schedule visit", "Task_ScheduleVisit", "schedulingDeadline", "Scheduling"),
  EXECUTE("execute", "Execute checklist", "Task_ExecuteChecklist", "executionDeadline", "Execution"),
  REVISE("revise", "Revise checklist", "Task_ReviseChecklist", "publicationDeadline", "Revision"),
  PUBLISH("publish", "Publish checklist", "Task_PublishChecklist", "publicationDeadline", "Publication"),
  FILE("file", "File record", "Task_FileRecord", "filingDeadline", "Filing"),
  /** Resolving an overdue job (the "Resolve overdue …" tasks of the service managers). */
  ESCALATION("escalation", "Resolve overdue job", null, null, null);

  /** The prefixes of the task definition keys of a job's escalation: {@code Task_ResolveOverdueExecution}, … */
  public static final String RESOLVE_PREFIX = "Task_ResolveOverdue";
  public static final String REVIEW_PREFIX = "Task_ReviewUnresolved";

  private final String key;
  private final String label;
  private final String taskDefinitionKey;
  private final String deadlineVariable;
  private final String noun;

  Job(String key, String label, String taskDefinitionKey, String deadlineVariable, String noun) {
    this.key = key;
    this.label = label;
    this.taskDefinitionKey = taskDefinitionKey;
    this.deadlineVariable = deadlineVariable;
    this.noun = noun;
  }

  /** "Resolve overdue execution": the name of the service managers' task when the job's deadline passed. */
  public String overdueLabel() {
    return noun == null ? label : "Resolve overdue " + noun.toLowerCase();
  }

  /** {@code Task_ResolveOverdueExecution}: the service managers' task when the job's deadline passed (null for escalation). */
  public String resolveTaskKey() {
    return noun == null ? null : RESOLVE_PREFIX + noun;
  }

  /**
   * The job a "Resolve overdue …" or "Review unresolved …" task is about, by its key
   * ({@code Task_ResolveOverdueExecution}: execute); empty for any other task.
   */
  public static Optional<Job> overdueOf(String taskDefinitionKey) {
    for (String prefix : new String[] {RESOLVE_PREFIX, REVIEW_PREFIX}) {
      if (taskDefinitionKey != null && taskDefinitionKey.startsWith(prefix)) {
        String what = taskDefinitionKey.substring(prefix.length());
        return Arrays.stream(values()).filter(job -> what.equals(job.noun)).findFirst();
      }
    }
    return Optional.empty();
  }

  /** The job's name in the DMN table and in expressions: {@code execute}, {@code file}, … */
  public String key() {
    return key;
  }

  /** What a person reads: "Execute checklist". */
  public String label() {
    return label;
  }

  /** The job's deadline as people say it: "Execution", "Publication"; null for the escalation. */
  public String noun() {
    return noun;
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

  /** The five jobs each with its own user task and deadline in every cycle. */
  public static Job[] ofCycle() {
    return new Job[] {SCHEDULE, EXECUTE, REVISE, PUBLISH, FILE};
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
    if (taskDefinitionKey.startsWith(RESOLVE_PREFIX)) {
      return Optional.of(ESCALATION);
    }
    return Arrays.stream(values()).filter(job -> taskDefinitionKey.equals(job.taskDefinitionKey)).findFirst();
  }
}
