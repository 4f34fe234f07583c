package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.EXECUTED_AT;
import static org.mmccycle.process.CycleVariables.EXECUTED_BY;
import static org.mmccycle.process.CycleVariables.FILED_AT;
import static org.mmccycle.process.CycleVariables.FILED_BY;
import static org.mmccycle.process.CycleVariables.REVISION_SUGGESTIONS;
import static org.mmccycle.process.CycleVariables.VISIT_MODE;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.document.VisitRecord;
import org.springframework.stereotype.Component;

/**
 * The completed visit of a cycle, as it is filed: the client and month from the cycle's record (what it
 * was opened for, whatever its variables say), the checklist as executed (checked when it was
 * submitted), who did what and when as the engine recorded it, the change note of the revision the cycle made,
 * and every note people wrote.
 */
@Component
public class CycleSnapshot {

  private final ChecklistJson json;
  private final CycleRecords records;
  private final ChecklistRevisions revisions;

  public CycleSnapshot(ChecklistJson json, CycleRecords records, ChecklistRevisions revisions) {
    this.json = json;
    this.records = records;
    this.revisions = revisions;
  }

  public VisitRecord record(DelegateExecution cycle) {
    CycleRecord record = records.of(cycle.getProcessInstanceId());
    var notes = records.notes(record.clientSlug(), record.month()).stream()
        .map(note -> new VisitRecord.Note(note.kind(), note.job(), note.writtenBy(), note.writtenAt(), note.text()))
        .toList();
    return new VisitRecord(record.clientSlug(), record.clientName(), record.month().toString(),
        string(cycle, VISIT_MODE), string(cycle, EXECUTED_BY), instant(cycle, EXECUTED_AT), json.fromVariable(cycle.getVariable(CHECKLIST_ITEMS)),
        string(cycle, REVISION_SUGGESTIONS), changeNote(record), string(cycle, FILED_BY), instant(cycle, FILED_AT), notes);
  }

  /** The change note of the revision this cycle's Revise made (as the revision store keeps it), or null. */
  private String changeNote(CycleRecord record) {
    return record.revisedRevision() == null ? null : revisions.revision(record.clientSlug(), record.revisedRevision()).changeNote();
  }

  private static String string(VariableScope cycle, String name) {
    Object value = cycle.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static Instant instant(VariableScope cycle, String name) {
    Object value = cycle.getVariable(name);
    return value instanceof Date date ? date.toInstant() : null;
  }
}
