package org.mmccycle.cycle;

import java.time.Instant;

/** How a job of a cycle stands: done by its deadline, done after it, not done past it, or not done and still in time. */
public enum JobStatus {
  ON_TIME("on time"), LATE("late"), MISSING("missing"), OPEN("open");

  private final String label;

  JobStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The status of a job due at {@code due} (null: by {@code deadlineWithoutDue}, the end of its month) and
   * done at {@code doneAt} (null: not done), seen at {@code now}.
   */
  public static JobStatus of(Instant due, Instant doneAt, Instant now, Instant deadlineWithoutDue) {
    Instant deadline = due != null ? due : deadlineWithoutDue;
    if (doneAt != null) {
      return due == null || !doneAt.isAfter(due) ? ON_TIME : LATE;
    }
    return now.isAfter(deadline) ? MISSING : OPEN;
  }
}
