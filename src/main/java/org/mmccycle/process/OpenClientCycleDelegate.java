package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Client cycle opening: opens the client's cycle for the month (its own job: one failing client is one incident). */
@Component
public class OpenClientCycleDelegate implements JavaDelegate {

  private final CycleOpener opener;

  public OpenClientCycleDelegate(CycleOpener opener) {
    this.opener = opener;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String clientSlug = (String) execution.getVariable(CLIENT_SLUG);
    String cycleMonth = (String) execution.getVariable(CYCLE_MONTH);
    opener.open(clientSlug, CycleMonth.parse(cycleMonth));
  }
}
