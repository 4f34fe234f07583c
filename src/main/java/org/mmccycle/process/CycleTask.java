package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHANGE_NOTE;
import static org.mmccycle.process.CycleVariables.CHECKLIST_CHANGED;
import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.FILING_NOTE;
import static org.mmccycle.process.CycleVariables.FOLLOW_UP_NOTE;
import static org.mmccycle.process.CycleVariables.ISSUE_SUMMARY;
import static org.mmccycle.process.CycleVariables.ON_SITE_WAIVED;
import static org.mmccycle.process.CycleVariables.OVERRIDE_REASON;
import static org.mmccycle.process.CycleVariables.NEW_DUE_DATE;
import static org.mmccycle.process.CycleVariables.REASSIGN_TO;
import static org.mmccycle.process.CycleVariables.RESOLUTION_ACTION;
import static org.mmccycle.process.CycleVariables.RESOLUTION_NOTE;
import static org.mmccycle.process.CycleVariables.PUBLISH_DECISION;
import static org.mmccycle.process.CycleVariables.REVISED_ITEMS;
import static org.mmccycle.process.CycleVariables.SEND_BACK_COMMENT;
import static org.mmccycle.process.CycleVariables.REVISION_SUGGESTIONS;
import static org.mmccycle.process.CycleVariables.VISIT_DATE;
import static org.mmccycle.process.CycleVariables.VISIT_MODE;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.mmccycle.cycle.Job;

/**
 * The user tasks of the client cycle model and what a person may submit to each: the fields of its
 * form, nothing else (an analyst's own new task may take any variable but the cycle's own, see
 * {@link TaskSubmissions}). The resolve and review tasks of each deadline share one form.
 */
public enum CycleTask {

  SCHEDULE("Task_ScheduleVisit", "Schedule visit", Set.of(VISIT_DATE, OVERRIDE_REASON, ON_SITE_WAIVED)),
  EXECUTE("Task_ExecuteChecklist", "Execute checklist", Set.of(CHECKLIST_ITEMS, VISIT_MODE, REVISION_SUGGESTIONS)),
  REVISE("Task_ReviseChecklist", "Revise checklist", Set.of(CHECKLIST_CHANGED, REVISED_ITEMS, CHANGE_NOTE)),
  /** Its form shows the change note (the revision keeps the note Revise gave it); approve, or send back with a comment. */
  PUBLISH("Task_PublishChecklist", "Publish checklist", Set.of(CHANGE_NOTE, PUBLISH_DECISION, SEND_BACK_COMMENT)),
  FILE("Task_FileRecord", "File record", Set.of(FILING_NOTE)),
  FOLLOW_UP("Task_FollowUpIssues", "Follow up issues found", Set.of(FOLLOW_UP_NOTE, ISSUE_SUMMARY)),
  RESOLVE_OVERDUE(Job.RESOLVE_PREFIX, "Resolve overdue job", Set.of(RESOLUTION_NOTE, RESOLUTION_ACTION, REASSIGN_TO, NEW_DUE_DATE)),
  REVIEW_UNRESOLVED(Job.REVIEW_PREFIX, "Review unresolved escalation", Set.of(RESOLUTION_NOTE, RESOLUTION_ACTION, REASSIGN_TO, NEW_DUE_DATE));

  private final String key;
  private final String label;
  private final Set<String> submitted;

  CycleTask(String key, String label, Set<String> submitted) {
    this.key = key;
    this.label = label;
    this.submitted = submitted;
  }

  public String label() {
    return label;
  }

  /** The variables a person may submit to this task. */
  public Set<String> submitted() {
    return submitted;
  }

  /** The task of this task definition key (the resolve and review tasks by their prefix), if it is one of the product's. */
  public static Optional<CycleTask> of(String taskDefinitionKey) {
    if (taskDefinitionKey == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(task -> task.key.equals(taskDefinitionKey)
            || (task == RESOLVE_OVERDUE || task == REVIEW_UNRESOLVED) && taskDefinitionKey.startsWith(task.key))
        .findFirst();
  }
}
