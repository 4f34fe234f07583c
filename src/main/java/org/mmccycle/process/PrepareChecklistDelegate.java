package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Client cycle, Task_PrepareChecklist (in its own job), for a cycle its opening did not prepare: see
 * {@link CyclePreparation}. The revision Revise changes is read when Revise starts.
 */
@Component
public class PrepareChecklistDelegate implements JavaDelegate {

  private final CyclePreparation preparation;

  public PrepareChecklistDelegate(CyclePreparation preparation) {
    this.preparation = preparation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(preparation.prepare((String) execution.getVariable(CLIENT_SLUG), CycleVariables.cycleMonth(execution)));
  }
}
