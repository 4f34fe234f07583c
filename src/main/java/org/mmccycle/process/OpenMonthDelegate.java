package org.mmccycle.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.MonthRounds;
import org.springframework.stereotype.Component;

/**
 * Open a month's cycles (started in Tasklist): the monthly round for the month the service manager
 * typed, as {@code POST /api/cycles/open} starts it (the round refuses a month too far). Runs in the
 * start's own transaction, so a refused month is the start form's error message in Tasklist (400).
 */
@Component
public class OpenMonthDelegate implements JavaDelegate {

  static final String OPENED_CLIENTS = "openedClients";

  private final MonthRounds rounds;
  private final CycleCalendar calendar;

  public OpenMonthDelegate(MonthRounds rounds, CycleCalendar calendar) {
    this.rounds = rounds;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requested = execution.getVariable(CycleVariables.MONTH);
    MonthRounds.MonthOpening opening;
    try {
      opening = rounds.open(calendar.monthOrCurrent(requested == null ? null : requested.toString()));
    } catch (IllegalArgumentException wrongMonth) { // no such month, or the round's refusal of one too far
      throw new BadUserRequestException(wrongMonth.getMessage());
    }
    execution.setVariable(CycleVariables.CYCLE_MONTH, opening.month());
    execution.setVariable(OPENED_CLIENTS, opening.clients());
  }
}
