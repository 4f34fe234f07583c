package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_CYCLE_OPENING_PROCESS;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUGS;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.cycle.CycleSettings;
import org.springframework.stereotype.Component;

/**
 * Monthly round: splits the listed clients into batches ({@code mmc.cycle.opening-batch-size}) and
 * starts one small "Client cycle opening" instance per batch. Each batch opens its clients' cycles in
 * a job of its own, so the batches run side by side on every node's job executor (issue 8: one opening
 * instance per client cost as much as the cycle; see {@link OpenClientCyclesDelegate}).
 */
@Component
public class RequestClientCyclesDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final int batchSize;

  public RequestClientCyclesDelegate(RuntimeService runtimeService, CycleSettings settings) {
    this.runtimeService = runtimeService;
    this.batchSize = settings.openingBatchSize();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cycleMonth = (String) execution.getVariable(CYCLE_MONTH);
    @SuppressWarnings("unchecked")
    List<String> slugs = (List<String>) execution.getVariable(CLIENT_SLUGS);
    for (int from = 0; from < slugs.size(); from += batchSize) {
      List<String> batch = new ArrayList<>(slugs.subList(from, Math.min(slugs.size(), from + batchSize)));
      runtimeService.createProcessInstanceByKey(CLIENT_CYCLE_OPENING_PROCESS)
          .businessKey(openingKey(cycleMonth, from + 1, from + batch.size()))
          .setVariables(Map.of(CLIENT_SLUGS, batch, CYCLE_MONTH, cycleMonth))
          .execute();
    }
  }

  /** The business key of a batch: "opening:2027-03:51-100" (the positions of its clients in the month's list). */
  static String openingKey(String cycleMonth, int first, int last) {
    return "opening:" + cycleMonth + ":" + first + "-" + last;
  }
}
