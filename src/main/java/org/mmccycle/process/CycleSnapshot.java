package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHANGE_NOTE;
import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;
import static org.mmccycle.process.CycleVariables.EXECUTED_AT;
import static org.mmccycle.process.CycleVariables.EXECUTED_BY;
import static org.mmccycle.process.CycleVariables.FILED_AT;
import static org.mmccycle.process.CycleVariables.FILED_BY;
import static org.mmccycle.process.CycleVariables.REVISION_SUGGESTIONS;
import static org.mmccycle.process.CycleVariables.VISIT_MODE;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.document.VisitRecord;
import org.springframework.stereotype.Component;

/** Reads a cycle's variables into the documents that are published and filed. */
@Component
public class CycleSnapshot {

  private final ChecklistJson json;

  public CycleSnapshot(ChecklistJson json) {
    this.json = json;
  }

  /** The completed visit, as it is filed. */
  public VisitRecord record(VariableScope cycle) {
    return new VisitRecord(string(cycle, CLIENT_SLUG), string(cycle, CLIENT_NAME), string(cycle, CYCLE_MONTH),
        string(cycle, VISIT_MODE), string(cycle, EXECUTED_BY), instant(cycle, EXECUTED_AT), items(cycle),
        string(cycle, REVISION_SUGGESTIONS), string(cycle, CHANGE_NOTE), string(cycle, FILED_BY), instant(cycle, FILED_AT));
  }

  private List<ChecklistItem> items(VariableScope cycle) {
    return json.fromVariable(cycle.getVariable(CHECKLIST_ITEMS));
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
