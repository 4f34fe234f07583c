package org.mmccycle.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mmccycle.cycle.CycleRecords;

/**
 * One cycle per client and month, whoever starts it: a client cycle starts only through
 * {@link CycleOpener} (the monthly round, {@code POST /api/cycles/open}), which checks that it is not
 * open yet; a start from anywhere else ({@code POST /engine-rest/process-definition/key/…/start},
 * Cockpit, a script) is refused with a 400 saying how to open a cycle. As the instance starts, its
 * record is written ({@code mmc_client_cycle}), before any step of the cycle reads it. A built-in
 * listener of every version of the cycle model, whatever an analyst deploys.
 */
public class CycleStarts extends AbstractBpmnParseListener implements ExecutionListener {

  private final CycleRecords records;

  public CycleStarts(CycleRecords records) {
    this.records = records;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    if (CycleVariables.CLIENT_CYCLE_PROCESS.equals(processDefinition.getKey())) {
      processDefinition.addBuiltInListener(EVENTNAME_START, this);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    CycleOpener.Pending pending = CycleOpener.pending().orElseThrow(() -> new BadUserRequestException(
        "A client's cycle is not started directly: open the month (POST /api/cycles/open?month=yyyy-MM, or the monthly "
            + "round), which opens each client's cycle once."));
    if (!pending.businessKey().equals(execution.getProcessBusinessKey())) {
      throw new IllegalStateException("cycle " + execution.getProcessBusinessKey() + " started while " + pending.businessKey() + " was opening");
    }
    records.insert(pending.clientSlug(), pending.month(), pending.businessKey(), execution.getProcessInstanceId(),
        pending.clientName(), pending.executedRevision());
  }
}
