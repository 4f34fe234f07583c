package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.BASE_REVISION;
import static org.mmccycle.process.CycleVariables.CHANGE_NOTE;
import static org.mmccycle.process.CycleVariables.CHECKLIST_CHANGED;
import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.PUBLISH_DECISION;
import static org.mmccycle.process.CycleVariables.REVISION_CHANGES;
import static org.mmccycle.process.CycleVariables.REVISION_PREVIEW;
import static org.mmccycle.process.CycleVariables.REVISED_ITEMS;
import static org.mmccycle.process.CycleVariables.REVISION_ITEMS;

import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mmccycle.web.ConflictException;
import org.mmccycle.checklist.ChecklistRevision;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.cycle.CycleMonth;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.springframework.stereotype.Component;

/**
 * Revise checklist, for {@link CycleTasks}. On creation: the client's latest revision (published or
 * not) and its items become the form's base ({@code baseRevision}, {@code revisionItems}), read when the
 * revision starts rather than when the month opened. On completion: the reviser's items become a new
 * (unpublished) revision of the client's checklist, recorded as the cycle's revision to publish, or
 * nothing when nothing changed. A change without a change note, or a revision made meanwhile by someone
 * else, refuses the completion with the reason (400 in Tasklist and REST).
 */
@Component
public class RevisionListener {

  private final ChecklistRevisions revisions;
  private final ChecklistJson json;
  private final TaskUsers users;
  private final CycleRecords records;

  public RevisionListener(ChecklistRevisions revisions, ChecklistJson json, TaskUsers users, CycleRecords records) {
    this.revisions = revisions;
    this.json = json;
    this.users = users;
    this.records = records;
  }

  public void opened(DelegateTask task) {
    ChecklistRevision latest = revisions.latest(records.of(task.getProcessInstanceId()).clientSlug());
    task.getExecution().setVariable(BASE_REVISION, latest.number());
    task.getExecution().setVariable(REVISION_ITEMS, json.toVariable(latest.items()));
  }

  /**
   * Publish checklist opened: what the approver looks at before approving (task-local), the change
   * against the revision published now, item by item, and a link to the PDF as it would be published.
   */
  public void toApprove(DelegateTask task) {
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    task.getExecution().removeVariable(PUBLISH_DECISION); // a decision of an earlier round never decides this one
    int toPublish = revisionToPublish(task, cycle);
    ChecklistRevision published = revisions.current(cycle.clientSlug());
    task.setVariableLocal(REVISION_CHANGES, revisions.diff(cycle.clientSlug(), published.number(), toPublish).describe());
    task.setVariableLocal(REVISION_PREVIEW, "/api/clients/" + cycle.clientSlug() + "/checklist/revisions/" + toPublish
        + "/preview?month=" + CycleMonth.format(cycle.month().plusMonths(1)));
  }

  /** Publish sent the revision back: the cycle has no revision of its Revise until Revise makes one again. */
  public void sentBack(DelegateTask task) {
    records.revised(task.getProcessInstanceId(), null);
  }

  /** The revision a cycle publishes: its record's, else (a cycle opened before the record held it) the variable Revise set. */
  static int revisionToPublish(VariableScope cycleScope, CycleRecord cycle) {
    Integer recorded = cycle.revisionToPublish();
    return recorded != null ? recorded : ((Number) cycleScope.getVariable(CHECKLIST_REVISION)).intValue();
  }

  public void revised(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(CHECKLIST_CHANGED))) {
      task.setVariable(CHANGE_NOTE, null);
      return;
    }
    Object items = task.getVariable(REVISED_ITEMS);
    if (items == null) {
      throw new BadUserRequestException("The checklist changed, but the revised items are missing (revisedItems).");
    }
    Optional<ChecklistRevision> revision;
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    try {
      revision = revisions.revise(cycle.clientSlug(), ((Number) task.getVariable(BASE_REVISION)).intValue(),
          json.revisionItemsFrom(items), author(task), (String) task.getVariable(CHANGE_NOTE), cycle.month());
    } catch (IllegalArgumentException | IllegalStateException | ConflictException refused) {
      throw new BadUserRequestException(refused.getMessage());
    }
    if (revision.isPresent()) {
      records.revised(task.getProcessInstanceId(), revision.get().number());
      task.setVariable(CHECKLIST_REVISION, revision.get().number());
    } else {
      task.setVariable(CHECKLIST_CHANGED, false);
    }
  }

  private String author(DelegateTask task) {
    String who = users.who(task);
    return who != null ? who : "mmc-cycle";
  }

}
