package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.mmccycle.checklist.ChecklistRevision;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.client.ClientRepository;
import org.springframework.stereotype.Service;

/**
 * What a cycle needs before its month's jobs start: the client's name, and the items of its published
 * checklist that are due this month (the Execute form's rows) with the revision they come from.
 * Either the cycle's own first step (Prepare client checklist) computes them, or the batch that
 * opens the cycle passes them at its start (then the cycle skips Prepare).
 */
@Service
public class CyclePreparation {

  private final ClientRepository clients;
  private final ChecklistRevisions revisions;
  private final ChecklistJson json;

  public CyclePreparation(ClientRepository clients, ChecklistRevisions revisions, ChecklistJson json) {
    this.clients = clients;
    this.revisions = revisions;
    this.json = json;
  }

  /**
   * The prepared variables; makes revision 1 from the template for a client that has no checklist yet.
   *
   * @throws IllegalStateException when the client does not exist
   */
  public Map<String, Object> prepare(String clientSlug, YearMonth month) {
    return variables(name(clientSlug), revisions.inForceIn(clientSlug, month), month);
  }

  /**
   * The prepared variables of a client whose name the caller has read, reading only: empty when the
   * client has no published checklist yet (its cycle's Prepare step then makes one, in the cycle's own
   * job).
   */
  public Optional<Map<String, Object>> preparedFromPublished(String clientSlug, String clientName, YearMonth month) {
    return revisions.publishedInForceIn(clientSlug, month).map(inForce -> variables(clientName, inForce, month));
  }

  private String name(String clientSlug) {
    return clients.standing(clientSlug).map(ClientRepository.Standing::name)
        .orElseThrow(() -> new IllegalStateException("the cycle's client '" + clientSlug + "' does not exist"));
  }

  private Map<String, Object> variables(String clientName, ChecklistRevision inForce, YearMonth month) {
    return Map.of(CLIENT_NAME, clientName,
        CHECKLIST_ITEMS, json.toVariable(revisions.checklistDueIn(inForce, month)),
        CHECKLIST_REVISION, inForce.number());
  }
}
