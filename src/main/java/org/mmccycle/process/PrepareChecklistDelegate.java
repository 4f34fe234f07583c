package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.springframework.stereotype.Component;

/**
 * Client cycle, Task_PrepareChecklist (in its own job), for a cycle its opening did not prepare: see
 * {@link CyclePreparation}. The client's name and the revision the cycle executes go into its record.
 * The revision Revise changes is read when Revise starts.
 */
@Component
public class PrepareChecklistDelegate implements JavaDelegate {

  private final CyclePreparation preparation;
  private final CycleRecords records;

  public PrepareChecklistDelegate(CyclePreparation preparation, CycleRecords records) {
    this.preparation = preparation;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CycleRecord cycle = records.of(execution.getProcessInstanceId());
    Map<String, Object> prepared = preparation.prepare(cycle.clientSlug(), cycle.month());
    execution.setVariables(prepared);
    records.prepared(execution.getProcessInstanceId(), (String) prepared.get(CLIENT_NAME), (Integer) prepared.get(CHECKLIST_REVISION));
  }
}
