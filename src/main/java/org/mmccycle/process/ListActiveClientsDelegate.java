package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_SLUGS;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;
import static org.mmccycle.process.CycleVariables.MONTH;

import java.time.YearMonth;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.client.ClientRepository;
import org.springframework.stereotype.Component;

/** Monthly round: which month to open (the given one, or the current), and for which active clients. */
@Component
public class ListActiveClientsDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final CycleClock clock;

  public ListActiveClientsDelegate(ClientRepository clients, CycleClock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requested = execution.getVariable(MONTH);
    YearMonth month = clock.monthOrCurrent(requested == null ? null : requested.toString());
    execution.setVariable(CYCLE_MONTH, CycleMonth.format(month));
    execution.setVariable(CLIENT_SLUGS, new ArrayList<>(clients.activeClientSlugs()));
  }
}
