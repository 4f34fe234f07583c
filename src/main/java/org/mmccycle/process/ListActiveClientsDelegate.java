package org.mmccycle.process;

import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleMonths;
import org.mmccycle.cycle.CycleMonth;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUGS;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;
import static org.mmccycle.process.CycleVariables.MONTH;

import java.time.YearMonth;
import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.client.ClientRepository;
import org.springframework.stereotype.Component;

/** Monthly round: which month to open (the given one, or the current), and for which active clients. */
@Component
public class ListActiveClientsDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final CycleCalendar clock;
  private final CycleMonths months;

  public ListActiveClientsDelegate(ClientRepository clients, CycleCalendar clock, CycleMonths months) {
    this.clients = clients;
    this.clock = clock;
    this.months = months;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requested = execution.getVariable(MONTH);
    YearMonth month;
    try {
      month = months.requireOpenable(clock.monthOrCurrent(requested == null ? null : requested.toString()));
    } catch (IllegalArgumentException wrongMonth) {
      // a month that does not exist or is too far: whoever started the round gets a 400 (REST, Tasklist's start form)
      throw new BadUserRequestException(wrongMonth.getMessage());
    }
    execution.setVariable(CYCLE_MONTH, CycleMonth.format(month));
    execution.setVariable(CLIENT_SLUGS, new ArrayList<>(clients.activeClientSlugs()));
  }
}
