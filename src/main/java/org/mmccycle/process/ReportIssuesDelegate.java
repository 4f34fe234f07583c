package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.notify.FollowUps;
import org.springframework.stereotype.Component;

/**
 * Client cycle, Task_ReportIssues (asynchronous): the items executed with an issue go to the follow-up
 * webhook under the cycle's recorded client and month; {@code issueCount} decides whether the issues are
 * followed up.
 */
@Component
public class ReportIssuesDelegate implements JavaDelegate {

  static final String ISSUE_COUNT = "issueCount";

  private final FollowUps followUps;
  private final CycleRecords records;
  private final ChecklistJson checklistJson;

  public ReportIssuesDelegate(FollowUps followUps, CycleRecords records, ChecklistJson checklistJson) {
    this.followUps = followUps;
    this.records = records;
    this.checklistJson = checklistJson;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CycleRecord cycle = records.of(execution.getProcessInstanceId());
    execution.setVariable(ISSUE_COUNT, followUps.report(cycle.clientSlug(), cycle.clientName(), cycle.month().toString(),
        checklistJson.fromVariable(execution.getVariable(CHECKLIST_ITEMS))));
  }
}
