package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.EXECUTED_AT;
import static org.mmccycle.process.CycleVariables.EXECUTED_BY;
import static org.mmccycle.process.CycleVariables.FILED_AT;
import static org.mmccycle.process.CycleVariables.FILED_BY;
import static org.mmccycle.process.CycleVariables.FILING_NOTE;
import static org.mmccycle.process.CycleVariables.FOLLOW_UP_NOTE;
import static org.mmccycle.process.CycleVariables.PUBLISHED_AT;
import static org.mmccycle.process.CycleVariables.PUBLISHED_BY;
import static org.mmccycle.process.CycleVariables.RESOLUTION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.mmccycle.cycle.CycleRecords;
import org.springframework.stereotype.Component;

/**
 * What each user task of the client cycle does when it is created and completed: confirm the visit,
 * record it, make the revision, record who did a job and when, keep what people wrote for the filed
 * record. Attached to every version of the cycle model by the engine ({@link CycleTaskListeners}), not
 * written in the model, so that a model an analyst deploys keeps the product's behaviour.
 */
@Component
public class CycleTasks {

  private final VisitListener visits;
  private final RevisionListener revisions;
  private final TaskRecorder recorder;
  private final TaskUsers users;
  private final CycleRecords records;
  private final CycleClock clock;

  public CycleTasks(VisitListener visits, RevisionListener revisions, TaskRecorder recorder, TaskUsers users, CycleRecords records,
      CycleClock clock) {
    this.visits = visits;
    this.revisions = revisions;
    this.recorder = recorder;
    this.users = users;
    this.records = records;
    this.clock = clock;
  }

  public void created(DelegateTask task) {
    if (CycleTask.of(task.getTaskDefinitionKey()).orElse(null) == CycleTask.REVISE) {
      revisions.opened(task);
    }
  }

  public void completed(DelegateTask task) {
    var cycleTask = CycleTask.of(task.getTaskDefinitionKey());
    if (cycleTask.isEmpty()) {
      return;
    }
    switch (cycleTask.get()) {
      case SCHEDULE -> visits.scheduled(task);
      case EXECUTE -> {
        visits.executed(task);
        recorder.completed(task, EXECUTED_BY, EXECUTED_AT);
      }
      case REVISE -> revisions.revised(task);
      case PUBLISH -> recorder.completed(task, PUBLISHED_BY, PUBLISHED_AT);
      case FILE -> {
        recorder.completed(task, FILED_BY, FILED_AT);
        note(task, "filing", null, FILING_NOTE);
      }
      case FOLLOW_UP -> note(task, "follow-up", "execute", FOLLOW_UP_NOTE);
      case RESOLVE_OVERDUE, REVIEW_UNRESOLVED -> note(task, "overdue", CycleTask.overdueJob(task.getTaskDefinitionKey()), RESOLUTION_NOTE);
      default -> { }
    }
  }

  /** What the person wrote in the task's field, kept with the cycle for its filed record (nothing when they wrote nothing). */
  private void note(DelegateTask task, String kind, String job, String field) {
    Object text = task.getVariable(field);
    if (text != null && !text.toString().isBlank()) {
      records.addNote(records.of(task.getProcessInstanceId()),
          new CycleRecords.Note(kind, job, users.who(task), clock.now(), text.toString().trim()));
    }
  }
}
