package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_SLUGS;
import static org.mmccycle.process.CycleVariables.SKIPPED_CLIENTS;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Client cycle opening: opens the cycles of one batch of the month's clients, in one job, and
 * prepares them in the same transaction, so that each cycle waits at its first task when the job
 * commits (one commit per batch instead of one per client). If the batch failed before, its retry
 * opens the cycles unprepared: each prepares itself in its own job, so the one client that cannot be
 * prepared is one incident on its own cycle and the others open. A client deleted or made inactive
 * since the listing is skipped.
 */
@Component
public class OpenClientCyclesDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OpenClientCyclesDelegate.class);

  private final CycleOpener opener;

  public OpenClientCyclesDelegate(CycleOpener opener) {
    this.opener = opener;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = CycleVariables.cycleMonth(execution);
    @SuppressWarnings("unchecked")
    List<String> slugs = (List<String>) execution.getVariable(CLIENT_SLUGS);
    boolean prepare = !failedBefore(execution);
    List<String> skipped = new ArrayList<>();
    for (String slug : slugs) {
      if (opener.request(slug, month, prepare).isEmpty()) {
        skipped.add(slug);
      }
    }
    // in the batch's history: the clients deleted or made inactive between the listing and this job
    execution.setVariable(SKIPPED_CLIENTS, skipped);
  }

  /** Whether an earlier attempt of this batch's job failed (the job keeps the exception until it succeeds). */
  private static boolean failedBefore(DelegateExecution execution) {
    Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
        .processInstanceId(execution.getProcessInstanceId()).singleResult();
    if (job == null || job.getExceptionMessage() == null) {
      return false;
    }
    LOG.warn("Batch {} failed before ({}): its cycles now open unprepared, each prepares itself in its own job",
        execution.getProcessBusinessKey(), job.getExceptionMessage());
    return true;
  }
}
