package org.mmccycle.process;

import org.mmccycle.cycle.CycleCalendar;
import static org.mmccycle.process.CycleVariables.ON_SITE_REQUIRED;
import static org.mmccycle.process.CycleVariables.PROPOSED_VISIT_DATE;
import static org.mmccycle.process.CycleVariables.VISIT_DATE;
import static org.mmccycle.process.CycleVariables.VISIT_PLAN_EXPLANATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.schedule.VisitCalendar;
import org.springframework.stereotype.Component;

/** Client cycle: proposes the visit date (spacing, business days, capacity, preference) for Schedule visit. */
@Component
public class PlanVisitDelegate implements JavaDelegate {

  private final VisitCalendar calendar;
  private final CycleCalendar clock;
  private final CycleRecords records;

  public PlanVisitDelegate(VisitCalendar calendar, CycleCalendar clock, CycleRecords records) {
    this.calendar = calendar;
    this.clock = clock;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CycleRecord cycle = records.of(execution.getProcessInstanceId());
    var planned = calendar.plan(cycle.clientSlug(), cycle.month(), clock.today());
    String date = planned.visit().plannedDate().toString();
    execution.setVariable(PROPOSED_VISIT_DATE, date);
    execution.setVariable(VISIT_DATE, date);
    execution.setVariable(VISIT_PLAN_EXPLANATION, planned.visit().explanation());
    execution.setVariable(ON_SITE_REQUIRED, planned.onSiteRequired());
  }
}
