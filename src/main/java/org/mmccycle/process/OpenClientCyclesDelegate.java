package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_SLUGS;
import static org.mmccycle.process.CycleVariables.SKIPPED_CLIENTS;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Client cycle opening: opens the cycles of one batch of the month's clients, in one job. Each cycle
 * only starts here; its own first job prepares it, so one client that cannot be prepared is one
 * incident on its own cycle. A client deleted or made inactive since the listing is skipped.
 */
@Component
public class OpenClientCyclesDelegate implements JavaDelegate {

  private final CycleOpener opener;

  public OpenClientCyclesDelegate(CycleOpener opener) {
    this.opener = opener;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = CycleVariables.cycleMonth(execution);
    @SuppressWarnings("unchecked")
    List<String> slugs = (List<String>) execution.getVariable(CLIENT_SLUGS);
    List<String> skipped = new ArrayList<>();
    for (String slug : slugs) {
      if (opener.request(slug, month).isEmpty()) {
        skipped.add(slug);
      }
    }
    // in the batch's history: the clients deleted or made inactive between the listing and this job
    execution.setVariable(SKIPPED_CLIENTS, skipped);
  }
}
