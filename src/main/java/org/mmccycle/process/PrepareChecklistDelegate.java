package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.checklist.ChecklistService;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.springframework.stereotype.Component;

/** Client cycle: puts the client's current checklist into the cycle, for the Execute form. */
@Component
public class PrepareChecklistDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final ChecklistService checklists;
  private final ChecklistJson json;

  public PrepareChecklistDelegate(ClientRepository clients, ChecklistService checklists, ChecklistJson json) {
    this.clients = clients;
    this.checklists = checklists;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String slug = (String) execution.getVariable(CLIENT_SLUG);
    ContractClient client = clients.find(slug)
        .orElseThrow(() -> new IllegalStateException("the cycle's client '" + slug + "' does not exist"));
    execution.setVariable(CLIENT_NAME, client.name());
    execution.setVariable(CHECKLIST_REVISION, 1);
    execution.setVariable(CHECKLIST_ITEMS, json.toVariable(checklists.checklistFor(client)));
  }
}
