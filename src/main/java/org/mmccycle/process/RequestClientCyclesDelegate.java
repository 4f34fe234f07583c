package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_CYCLE_OPENING_PROCESS;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUGS;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Monthly round: starts one small "Client cycle opening" instance per listed client. Each one only
 * persists a job here; the cycle itself opens in that job, so one failing client is one incident,
 * and the cost per client does not grow with the number of clients (a multi-instance over thousands
 * of clients in one instance does).
 */
@Component
public class RequestClientCyclesDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;

  public RequestClientCyclesDelegate(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cycleMonth = (String) execution.getVariable(CYCLE_MONTH);
    @SuppressWarnings("unchecked")
    List<String> slugs = (List<String>) execution.getVariable(CLIENT_SLUGS);
    for (String slug : slugs) {
      runtimeService.createProcessInstanceByKey(CLIENT_CYCLE_OPENING_PROCESS)
          .businessKey("opening:" + slug + ":" + cycleMonth)
          .setVariables(Map.of(CLIENT_SLUG, slug, CYCLE_MONTH, cycleMonth))
          .execute();
    }
  }
}
