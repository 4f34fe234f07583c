package org.mmccycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleMonths;
import org.mmccycle.cycle.MonthRounds;
import org.springframework.stereotype.Component;

/**
 * Open a month's cycles (started in Tasklist): the month the service manager typed, checked as
 * {@code POST /api/cycles/open} checks it, then the monthly round for it. Runs in the start's own
 * transaction, so a refused month is the start form's error message in Tasklist (400).
 */
@Component
public class OpenMonthDelegate implements JavaDelegate {

  static final String OPENED_CLIENTS = "openedClients";

  private final MonthRounds rounds;
  private final CycleCalendar calendar;
  private final CycleMonths months;

  public OpenMonthDelegate(MonthRounds rounds, CycleCalendar calendar, CycleMonths months) {
    this.rounds = rounds;
    this.calendar = calendar;
    this.months = months;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonthRounds.MonthOpening opening = rounds.open(
        ListActiveClientsDelegate.openableMonth(execution.getVariable(CycleVariables.MONTH), calendar, months));
    execution.setVariable(CycleVariables.CYCLE_MONTH, opening.month());
    execution.setVariable(OPENED_CLIENTS, opening.clients());
  }
}
