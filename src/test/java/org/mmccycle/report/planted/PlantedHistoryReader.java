package org.mmccycle.report.planted;

import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Planted violations that ArchitectureTest must catch: a report reading Camunda's history, and asking the system for the time. Never used. */
public class PlantedHistoryReader {

  long finished(HistoryService history) {
    return history.createHistoricProcessInstanceQuery().finishedAfter(java.util.Date.from(Instant.now())).count();
  }

  long late(HistoryService history) {
    return history.createHistoricTaskInstanceQuery().finishedAfter(ClockUtil.getCurrentTime()).count();
  }
}
