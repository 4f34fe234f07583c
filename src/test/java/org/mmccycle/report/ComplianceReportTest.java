package org.mmccycle.report;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmccycle.AccountabilityFixture.clockAt;
import static org.mmccycle.Http.get;
import static org.mmccycle.Http.text;
import static org.mmccycle.cycle.JobStatus.LATE;
import static org.mmccycle.cycle.JobStatus.MISSING;
import static org.mmccycle.cycle.JobStatus.ON_TIME;
import static org.mmccycle.cycle.JobStatus.OPEN;

import java.time.YearMonth;
import org.mmccycle.cycle.JobStatus;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mmccycle.AccountabilityFixture;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.process.CycleOpener;
import org.mmccycle.cycle.Job;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * March 2031, driven through real cycles: Alder did everything on time, Birch executed and filed
 * late and never published, Cedar opened its cycle and did nothing, Dune never had a cycle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportTest extends MmcSpringBootTest {

  private static final YearMonth MARCH = YearMonth.of(2031, 3);

  @LocalServerPort int port;
  @Autowired ComplianceReport report;
  @Autowired CycleOpener opener;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ClientRepository clients;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private ContractClient alder;
  private ContractClient birch;
  private ContractClient cedar;
  private ContractClient dune;
  private String owner;

  @BeforeAll
  void march() {
    var fixture = new AccountabilityFixture(clients, identityService, jdbc);
    alder = fixture.client("Alder Dental", "tina", "standard");
    birch = fixture.client("Birch, Law & Co", "tom", "gold");
    cedar = fixture.client("Cedar Bakery", "tina", "standard");
    dune = fixture.client("Dune Ltd", "tom", "standard");
    owner = fixture.user("petra", MmcGroups.PROCESS_OWNERS);
    try {
      clockAt("2031-03-01T08:00");
      AccountabilityFixture.openScheduled(opener, taskService, managementService, alder.slug(), MARCH);
      AccountabilityFixture.openScheduled(opener, taskService, managementService, birch.slug(), MARCH);
      AccountabilityFixture.openScheduled(opener, taskService, managementService, cedar.slug(), MARCH);

      complete(alder, "Task_ExecuteChecklist", "2031-03-10T15:00", "tina");
      complete(alder, "Task_ReviseChecklist", "2031-03-12T10:00", "tina");
      complete(alder, "Task_PublishChecklist", "2031-03-13T10:00", "sam");
      complete(alder, "Task_FileRecord", "2031-03-20T23:30", "tina");

      complete(birch, "Task_ExecuteChecklist", "2031-03-21T00:30", "tom"); // half an hour after the end of the 20th
      complete(birch, "Task_ReviseChecklist", "2031-03-24T11:00", "tom");
      complete(birch, "Task_FileRecord", "2031-04-01T09:00", "tom");
    } finally {
      AccountabilityFixture.resetClock();
    }
  }

  @AfterEach
  void resetClock() {
    AccountabilityFixture.resetClock();
  }

  private void complete(ContractClient client, String taskKey, String at, String user) {
    clockAt(at);
    var task = taskService.createTaskQuery().processInstanceBusinessKey(client.slug() + ":2031-03").taskDefinitionKey(taskKey).singleResult();
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), "Task_ExecuteChecklist".equals(taskKey) ? Map.of("visitMode", "on-site") : Map.of());
  }

  private List<JobStatus> statuses(ComplianceReport.Compliance compliance, ContractClient client) {
    return compliance.entries().stream().filter(entry -> entry.clientSlug().equals(client.slug()))
        .map(ComplianceReport.Entry::status).toList();
  }

  @Test
  void saysForEachClientAndJobWhetherItWasOnTimeLateOrMissing() {
    clockAt("2031-04-02T08:00");

    var compliance = report.forMonth(MARCH);

    // execute, revise, publish, file
    assertThat(statuses(compliance, alder)).containsExactly(ON_TIME, ON_TIME, ON_TIME, ON_TIME);
    assertThat(statuses(compliance, birch)).containsExactly(LATE, ON_TIME, MISSING, LATE);
    assertThat(statuses(compliance, cedar)).containsExactly(MISSING, MISSING, MISSING, MISSING);
    assertThat(statuses(compliance, dune)).containsExactly(MISSING, MISSING, MISSING, MISSING);
    var birchExecuted = compliance.entries().stream().filter(entry -> entry.clientSlug().equals(birch.slug()) && entry.job() == Job.EXECUTE).findFirst().orElseThrow();
    assertThat(birchExecuted.completedBy()).isEqualTo("tom");
    assertThat(birchExecuted.due()).isEqualTo(AccountabilityFixture.clockAt("2031-03-21T00:00"));
  }

  @Test
  void aJobStillInTimeIsOpenNotMissing() {
    clockAt("2031-03-15T08:00");

    var compliance = report.forMonth(MARCH);

    assertThat(statuses(compliance, cedar)).containsExactly(OPEN, OPEN, OPEN, OPEN);
    assertThat(statuses(compliance, dune)).containsExactly(OPEN, OPEN, OPEN, OPEN);
    assertThat(statuses(compliance, birch).get(2)).isEqualTo(OPEN); // publish: due the 25th
  }

  @Test
  void servesCsvByAcceptHeaderOrFormatAndAPdfToAProcessOwner() throws Exception {
    clockAt("2031-04-02T08:00"); // the server runs in this JVM, on the engine's clock
    assertThat(get(port, "/api/reports/compliance?month=2031-03", null, null, null).statusCode()).isEqualTo(401);

    var csv = get(port, "/api/reports/compliance?month=2031-03", owner, "secret-" + owner, "text/csv");
    var csvByParameter = get(port, "/api/reports/compliance?month=2031-03&format=csv", owner, "secret-" + owner, null);
    var pdf = get(port, "/api/reports/compliance?month=2031-03&format=pdf", owner, "secret-" + owner, null);
    var json = get(port, "/api/reports/compliance?month=2031-03", owner, "secret-" + owner, "application/json");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(text(csv)).startsWith("month,client,client_name,job,status,due,completed_at,completed_by,overdue_at,resolved_at,resolved_by,resolution\r\n")
        .contains("2031-03," + birch.slug() + ",\"Birch, Law & Co\",execute,late,2031-03-21 00:00,2031-03-21 00:30,tom,,,,\r\n")
        .contains("2031-03," + birch.slug() + ",\"Birch, Law & Co\",publish,missing,2031-03-26 00:00,,,,,,\r\n")
        .contains("2031-03," + dune.slug() + ",Dune Ltd,file,missing,,,,,,,\r\n");
    assertThat(text(csvByParameter)).isEqualTo(text(csv));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(text(json)).contains("\"month\":\"2031-03\"", "\"status\":\"LATE\"");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (var document = Loader.loadPDF(pdf.body())) {
      String printed = new PDFTextStripper().getText(document);
      assertThat(printed).contains("Compliance report", "March 2031", "Birch, Law & Co", "Execute checklist", "late", "missing");
    }
  }

  @Test
  void technicianCannotReadTheReport() throws Exception {
    var fixture = new AccountabilityFixture(clients, identityService, jdbc);
    String technician = fixture.user("tom", MmcGroups.TECHNICIANS);

    assertThat(get(port, "/api/reports/compliance?month=2031-03", technician, "secret-" + technician, null).statusCode()).isEqualTo(403);
  }
}
