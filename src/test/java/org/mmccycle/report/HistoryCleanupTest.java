package org.mmccycle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.archive.ArchiveVerifier;
import org.mmccycle.archive.VerificationReport;
import org.mmccycle.client.ContractClient;
import org.mmccycle.process.CycleVariables;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's history cleanup (on by default) removes a month's cycles from the engine's history once the
 * models' time to live has passed: the compliance report of that month, read by a service manager
 * through the API, is byte for byte what it was, and the filed record still verifies.
 */
class HistoryCleanupTest extends MmcSpringBootTest {

  private static final String PASSWORD = "cleanup-s3cret";
  private static final YearMonth MONTH = YearMonth.of(2033, 4);

  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ArchiveVerifier archive;
  @Autowired TestRestTemplate rest;

  @Test
  void theComplianceReportOfAMonthIsTheSameAfterItsHistoryIsCleanedUp() {
    String manager = fixture.user("cleanupmanager", MmcGroups.SERVICE_MANAGERS, PASSWORD);
    ContractClient onTime = fixture.activeClient("Cleanup Dental");
    ContractClient late = fixture.activeClient("Cleanup Late Law");
    fixture.clockAt(LocalDateTime.of(2033, 4, 1, 8, 0));
    String onTimeCycle = fixture.openCycle(onTime, MONTH).processInstanceId();
    String lateCycle = fixture.openCycle(late, MONTH).processInstanceId();
    fixture.scheduleVisit(onTimeCycle, "tina");
    fixture.scheduleVisit(lateCycle, "tom");
    fixture.clockAt(LocalDateTime.of(2033, 4, 12, 10, 0));
    doEverything(onTimeCycle);
    fixture.clockAt(LocalDateTime.of(2033, 4, 21, 0, 0, 1));
    fixture.fireTimer(lateCycle, "Timer_ExecutionDeadline");
    fixture.resolveOverdue(lateCycle, "Task_ResolveOverdueExecution", "sam");
    fixture.clockAt(LocalDateTime.of(2033, 4, 22, 9, 0));
    doEverything(lateCycle);
    String filedRecord = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(onTimeCycle).variableName(CycleVariables.FILED_RECORD).singleResult().getValue();

    LocalDateTime reportTime = LocalDateTime.of(2033, 5, 2, 8, 0);
    fixture.clockAt(reportTime);
    Map<String, byte[]> before = reports(manager);
    assertThat(new String(before.get("csv"))).contains(",execute,late,", "Called the technician; visit rescheduled");

    fixture.clockAt(LocalDateTime.of(2034, 5, 3, 8, 0)); // a year and a day after the cycles ended
    cleanUpHistory();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(java.util.Set.of(onTimeCycle, lateCycle)).count())
        .as("the cycles' history").isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(lateCycle).count()).isZero();

    fixture.clockAt(reportTime);
    Map<String, byte[]> after = reports(manager);

    for (String format : List.of("json", "csv", "pdf")) {
      assertThat(after.get(format)).as(format).isEqualTo(before.get(format));
    }
    VerificationReport verification = archive.verify();
    assertThat(verification.missing()).noneMatch(filedRecord::endsWith);
    assertThat(verification.changed()).noneMatch(changed -> filedRecord.endsWith(changed.path()));
    assertThat(verification.records()).isPositive();
  }

  private void doEverything(String cycle) {
    fixture.executeChecklist(cycle, "tina");
    fixture.reviseChecklist(cycle, "tina", false);
    fixture.publishChecklist(cycle, "sam");
    fixture.fileRecord(cycle, "tina");
    fixture.executeDueJobs(cycle);
  }

  /** Runs Camunda's history cleanup job now, until it finds nothing more to remove. */
  private void cleanUpHistory() {
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    for (int round = 0; round < 20; round++) {
      managementService.executeJob(cleanup.getId());
      Job again = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
      if (again == null || again.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
        return;
      }
    }
  }

  private Map<String, byte[]> reports(String manager) {
    return Map.of("json", get(manager, "json"), "csv", get(manager, "csv"), "pdf", get(manager, "pdf"));
  }

  private byte[] get(String manager, String format) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(manager, PASSWORD)
        .getForEntity("/api/reports/compliance?month=" + MONTH + "&format=" + format, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
