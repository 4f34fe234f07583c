package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.client.ClientRepository;
import org.springframework.stereotype.Component;

/**
 * Client cycle: puts into the cycle the items of the client's published checklist that are due this
 * month (the Execute form's rows). The revision Revise changes is read when Revise starts.
 */
@Component
public class PrepareChecklistDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final ChecklistRevisions revisions;
  private final ChecklistJson json;

  public PrepareChecklistDelegate(ClientRepository clients, ChecklistRevisions revisions, ChecklistJson json) {
    this.clients = clients;
    this.revisions = revisions;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String slug = (String) execution.getVariable(CLIENT_SLUG);
    YearMonth month = CycleVariables.cycleMonth(execution);
    String name = clients.name(slug)
        .orElseThrow(() -> new IllegalStateException("the cycle's client '" + slug + "' does not exist"));
    execution.setVariable(CLIENT_NAME, name);
    var inForce = revisions.inForceIn(slug, month);
    execution.setVariable(CHECKLIST_ITEMS, json.toVariable(revisions.checklistDueIn(inForce, month)));
    execution.setVariable(CHECKLIST_REVISION, inForce.number());
  }
}
