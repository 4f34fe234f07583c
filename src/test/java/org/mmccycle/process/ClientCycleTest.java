package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mmccycle.process.CycleVariables.EXECUTED_BY;
import static org.mmccycle.process.CycleVariables.FILED_BY;
import static org.mmccycle.process.CycleVariables.FILED_RECORD;
import static org.mmccycle.process.CycleVariables.PUBLISHED_BY;
import static org.mmccycle.process.CycleVariables.PUBLISHED_CHECKLIST;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.checklist.ChecklistRevision;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.checklist.RevisionItem;
import org.mmccycle.client.ContractClient;
import org.mmccycle.schedule.Visit;
import org.mmccycle.schedule.VisitCalendar;
import org.mmccycle.schedule.VisitRepository;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The client cycle on the running application: what its steps do beyond the model's paths (visit
 * rules, revisions, published and filed PDFs, refusals as a 400). The paths themselves: ClientCycleModelTest.
 */
class ClientCycleTest extends MmcSpringBootTest {

  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  @Autowired
  private RepositoryService repositoryService;

  @Autowired
  private VisitCalendar calendar;

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private VisitRepository visits;

  @Autowired
  private CycleOpener opener;

  @Autowired
  private ChecklistRevisions revisions;

  @Autowired
  private ManagementService managementService;

  @Autowired
  private org.mmccycle.cycle.CycleRecords records;

  @Autowired
  private org.mmccycle.cycle.JobRecords jobs;

  @Test
  void shouldRefuseAVisitThatBreaksTheSpacingUnlessAManagerOverridesWithAReason() {
    ContractClient client = fixture.activeClient("Kessler Law");
    calendar.recordExecution(client.slug(), YearMonth.of(2026, 10), "on-site", Instant.parse("2026-10-30T10:00:00Z"),
        LocalDate.parse("2026-10-30"));
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));
    ProcessInstance cycle = openCycle(client, NOVEMBER);
    assertThat(runtimeService().getVariable(cycle.getId(), "visitPlanExplanation").toString()).contains("after the last visit on 2026-10-30");

    Map<String, Object> tooEarly = Map.of("visitDate", "2026-11-03");
    assertThatThrownBy(() -> fixture.completeAs(cycle.getId(), "Task_ScheduleVisit", "tina", List.of("technicians"), tooEarly))
        .hasMessageContaining("only 4 days after the last visit on 2026-10-30")
        .hasMessageContaining("Only a service manager can override");
    assertThat(cycle).isWaitingAt("Task_ScheduleVisit");

    fixture.completeAs(cycle.getId(), "Task_ScheduleVisit", "sam", List.of("service-managers"),
        Map.of("visitDate", "2026-11-03", "overrideReason", "Server replacement booked for the 3rd"));

    assertThat(cycle).isWaitingAt("Task_ExecuteChecklist");
    Visit visit = visits.find(client.slug(), "2026-11").orElseThrow();
    assertThat(visit.plannedDate()).isEqualTo("2026-11-03");
    assertThat(visit.overriddenBy()).isEqualTo("sam");
    assertThat(visit.overrideReason()).isEqualTo("Server replacement booked for the 3rd");
  }

  @Test
  void shouldAnswerARefusedTaskCompletionWith400AndTheReasonAndKeepTheTaskOpen() {
    String technician = fixture.user("scheduler", MmcGroups.TECHNICIANS, "s3cret-for-tests");
    ContractClient client = fixture.activeClient("Refusal Dental");
    String cycle = fixture.openCycle(client, YearMonth.of(2031, 3)).processInstanceId();
    String taskId = fixture.task(cycle, "Task_ScheduleVisit").getId();
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String saturday = "{\"variables\":{\"visitDate\":{\"value\":\"2031-03-08\",\"type\":\"String\"}}}";

    ResponseEntity<String> response = rest.withBasicAuth(technician, "s3cret-for-tests").postForEntity("/engine-rest/task/" + taskId + "/complete",
        new HttpEntity<>(saturday, headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("2031-03-08 is on a weekend");
    assertThat(fixture.task(cycle, "Task_ScheduleVisit").getId()).isEqualTo(taskId);
  }

  @Test
  void publishShowsTheChangeAndAPreviewAndSendsTheRevisionBackToReviseWithAComment() throws IOException {
    String manager = fixture.user("manager", MmcGroups.SERVICE_MANAGERS, "s3cret-for-tests");
    ContractClient client = fixture.activeClient("Send Back Dental");
    ProcessInstance cycle = executedAndRevisedInNovember(client);
    Task publish = fixture.task(cycle.getId(), "Task_PublishChecklist");

    String changes = (String) processEngine.getTaskService().getVariableLocal(publish.getId(), "revisionChanges");
    assertThat(changes).startsWith("Revision 2 against the published revision 1: 0 added, 1 reworded")
        .contains("**Reworded**", "(logs now on D:)");
    String preview = (String) processEngine.getTaskService().getVariableLocal(publish.getId(), "revisionPreview");
    assertThat(preview).isEqualTo("/api/clients/" + client.slug() + "/checklist/revisions/2/preview?month=2026-12");
    ResponseEntity<byte[]> pdf = rest.withBasicAuth(manager, "s3cret-for-tests").getForEntity(preview, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      assertThat(new PDFTextStripper().getText(document)).contains(client.name(), "(logs now on D:)");
    }

    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> noComment = rest.withBasicAuth(manager, "s3cret-for-tests").postForEntity("/engine-rest/task/" + publish.getId()
        + "/complete", new HttpEntity<>("{\"variables\":{\"publishDecision\":{\"value\":\"send-back\"}}}", headers), String.class);
    assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noComment.getBody()).contains("sendBackComment: say what must change");

    ResponseEntity<String> sentBack = rest.withBasicAuth(manager, "s3cret-for-tests").postForEntity("/engine-rest/task/" + publish.getId()
        + "/complete", new HttpEntity<>("{\"variables\":{\"publishDecision\":{\"value\":\"send-back\"},"
        + "\"sendBackComment\":{\"value\":\"Say which folder on D:\"}}}", headers), String.class);

    assertThat(sentBack.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(cycle).isWaitingAt("Task_ReviseChecklist", "Task_FileRecord");
    assertThat(runtimeService().getVariable(cycle.getId(), "sendBackComment")).isEqualTo("Say which folder on D:");
    assertThat(records.of(cycle.getId()).revisedRevision()).as("the sent-back revision is not the one to publish").isNull();
    assertThat(records.notes(client.slug(), NOVEMBER)).anySatisfy(note -> {
      assertThat(note.kind()).isEqualTo("sent back");
      assertThat(note.text()).isEqualTo("Say which folder on D:");
      assertThat(note.writtenBy()).isEqualTo(manager);
    });
    assertThat(jobs.ofCycle(client.slug(), NOVEMBER)).filteredOn(job -> job.job() == org.mmccycle.cycle.Job.REVISE)
        .singleElement().satisfies(job -> assertThat(job.taskOpen()).isTrue());

    fixture.reviseChecklist(cycle.getId(), "tina", true);
    fixture.publishChecklist(cycle.getId(), manager); // no decision sent: approved, whatever the first round decided
    fixture.executeDueJobs(cycle.getId());

    assertThat(revisions.current(client.slug()).number()).as("the second revision is published").isEqualTo(3);
    assertThat(revisions.revision(client.slug(), 2).publishedAt()).as("the sent-back one never is").isNull();
    ResponseEntity<String> published = rest.withBasicAuth(manager, "s3cret-for-tests").getForEntity("/api/checklists/published", String.class);
    assertThat(published.getBody()).contains("{\"clientSlug\":\"" + client.slug() + "\",\"clientName\":\"Send Back Dental\",\"revision\":3,");
    ResponseEntity<byte[]> asPublished = rest.withBasicAuth(manager, "s3cret-for-tests")
        .getForEntity("/api/clients/" + client.slug() + "/checklist/revisions/3/preview?month=2026-12", byte[].class);
    assertThat(asPublished.getHeaders().getContentDisposition().getFilename()).isEqualTo("checklist-2026-12-r3.pdf");
  }

  @Test
  void shouldListNextMonthTheRevisionPublishedThisMonth() {
    ContractClient client = fixture.activeClient("Two Month Dental");
    ProcessInstance november = executedAndRevisedInNovember(client);
    String before = firstItemBeforeRevision;

    fixture.publishChecklist(november.getId(), "sam");
    fixture.executeDueJobs(november.getId());
    assertThat(runtimeService().getVariable(november.getId(), "checklistRevision")).isEqualTo(2);

    fixture.clockAt(LocalDateTime.of(2026, 12, 1, 8, 0));
    ProcessInstance december = startCycle(client, NOVEMBER.plusMonths(1));

    List<String> decemberTexts = fixture.checklistOf(december.getId()).stream().map(item -> item.text()).toList();
    assertThat(decemberTexts).contains(before + " (logs now on D:)").doesNotContain(before);
    assertThat(runtimeService().getVariable(december.getId(), "checklistRevision")).isEqualTo(2);
  }

  @Test
  void shouldKeepTheOldRevisionWhileTheNewOneIsUnpublished() {
    ContractClient client = fixture.activeClient("Slow Publisher Dental");
    executedAndRevisedInNovember(client);
    String before = firstItemBeforeRevision;

    fixture.clockAt(LocalDateTime.of(2026, 12, 1, 8, 0));
    ProcessInstance december = startCycle(client, NOVEMBER.plusMonths(1));

    assertThat(fixture.checklistOf(december.getId()).stream().map(item -> item.text())).contains(before);
    assertThat(runtimeService().getVariable(december.getId(), "checklistRevision")).isEqualTo(1);
  }

  @Test
  void shouldRefuseARemoteVisitWhenTheClientIsDueAnOnSiteVisit() {
    ContractClient client = fixture.activeClient("Old Mill Bakery");
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));
    ProcessInstance cycle = startCycle(client, NOVEMBER);
    assertThat(runtimeService().getVariable(cycle.getId(), "onSiteRequired")).isEqualTo(true);

    assertThatThrownBy(() -> fixture.executeChecklist(cycle.getId(), "tina", "remote")).hasMessageContaining("must be on site");
    assertThat(cycle).isWaitingAt("Task_ExecuteChecklist");

    fixture.executeChecklist(cycle.getId(), "tina", "on-site");

    assertThat(cycle).isWaitingAt("Task_ReviseChecklist", "Task_FileRecord");
    Visit visit = visits.find(client.slug(), "2026-11").orElseThrow();
    assertThat(visit.status()).isEqualTo(Visit.Status.DONE);
    assertThat(visit.visitMode()).isEqualTo("on-site");
  }

  @Test
  void theClientsTechnicianHasHerStepsInMyTasksWithoutClaimingAndEachCardNamesClientMonthAndVisit() {
    String technician = fixture.user("tech", MmcGroups.TECHNICIANS, "secret-Tech-1");
    ContractClient client = fixture.clientOf(technician, "Kessler Partner Law");
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));

    ProcessInstance cycle = openCycle(client, NOVEMBER);

    Task schedule = fixture.task(cycle.getId(), "Task_ScheduleVisit");
    assertThat(schedule.getAssignee()).isEqualTo(technician);
    assertThat(candidateGroups(schedule)).as("the groups stay candidates").containsExactlyInAnyOrder("technicians", "service-managers");
    assertThat(schedule.getName()).isEqualTo("Schedule visit · Kessler Partner Law · November 2026 · proposed Mon 2 Nov");

    fixture.completeAs(cycle.getId(), "Task_ScheduleVisit", technician, List.of(MmcGroups.TECHNICIANS), Map.of("visitDate", "2026-11-02"));

    Task execute = fixture.task(cycle.getId(), "Task_ExecuteChecklist");
    assertThat(execute.getAssignee()).isEqualTo(technician);
    assertThat(execute.getName()).isEqualTo("Execute checklist · Kessler Partner Law · November 2026 · visit Mon 2 Nov");
    var myTasks = processEngine.getFilterService().createFilterQuery().filterName("My tasks").singleResult();
    processEngine.getIdentityService().setAuthentication(technician, List.of(MmcGroups.TECHNICIANS));
    try {
      assertThat(processEngine.getFilterService().<Task>list(myTasks.getId())).extracting(Task::getId).contains(execute.getId());
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(execute.getId()).singleResult().getName())
        .as("Cockpit's history shows the same name").isEqualTo(execute.getName());
  }

  @Test
  void shouldCompleteCycleWhenEveryJobIsOnTime() throws IOException {
    ContractClient client = fixture.activeClient("Harbour Dental Practice");
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));

    ProcessInstance cycle = openCycle(client, NOVEMBER);

    assertThat(cycle).isWaitingAt("Task_ScheduleVisit");
    assertThat(candidateGroups(fixture.task(cycle.getId(), "Task_ScheduleVisit"))).containsExactlyInAnyOrder("technicians", "service-managers");
    assertThat(fixture.task(cycle.getId(), "Task_ScheduleVisit").getAssignee()).isNull();
    assertThat(fixture.task(cycle.getId(), "Task_ScheduleVisit").getDueDate()).isEqualTo(fixture.endOfDay(NOVEMBER, 5));
    assertThat(runtimeService().getVariable(cycle.getId(), "proposedVisitDate")).isEqualTo("2026-11-02");
    fixture.scheduleVisit(cycle.getId(), "tina");
    assertThat(cycle).isWaitingAt("Task_ExecuteChecklist");
    assertThat(visits.find(client.slug(), "2026-11").orElseThrow().plannedDate()).isEqualTo("2026-11-02");
    Task execute = fixture.task(cycle.getId(), "Task_ExecuteChecklist");
    assertThat(candidateGroups(execute)).containsExactly("technicians");
    assertThat(execute.getDueDate()).isEqualTo(fixture.endOfDay(NOVEMBER, 20))
        .isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-11-20T23:00:00Z")));
    assertThat(fixture.timerJob(cycle.getId(), "Timer_ExecutionDeadline").getDuedate()).isEqualTo(execute.getDueDate());
    String firstItemText = fixture.checklistOf(cycle.getId()).get(0).text();

    fixture.clockAt(LocalDateTime.of(2026, 11, 12, 10, 0));
    fixture.executeChecklist(cycle.getId(), "tina", "on-site", true);
    assertThat(cycle).isWaitingAt("Task_ReviseChecklist", "Task_FileRecord", "Task_FollowUpIssues");
    assertThat(runtimeService().getVariable(cycle.getId(), "issueCount")).isEqualTo(1);
    assertThat(fixture.task(cycle.getId(), "Task_FollowUpIssues").getName()).startsWith("Follow up issues found · Harbour Dental Practice");
    fixture.complete(cycle.getId(), "Task_FollowUpIssues", "tina", Map.of("followUpNote", "Ticket 4711: mail store backup fixed"));
    fixture.reviseChecklist(cycle.getId(), "tina", true);
    fixture.publishChecklist(cycle.getId(), "sam");
    fixture.fileRecord(cycle.getId(), "tina");
    assertThat(cycle).hasNotPassed("Task_RenderAndPublishChecklist", "Task_RenderAndFileRecord");

    assertThat(fixture.executeDueJobs(cycle.getId())).isEqualTo(2);

    assertThat(cycle).isEnded()
        .hasPassedInOrder("Task_PrepareChecklist", "Task_ExecuteChecklist", "Task_ReviseChecklist", "Task_PublishChecklist",
            "Task_RenderAndPublishChecklist", "EndEvent_CycleCompleted")
        .hasPassed("Task_FileRecord", "Task_RenderAndFileRecord", "EndEvent_JobsDone")
        .hasNotPassed("Task_ResolveOverdueExecution", "Task_ResolveOverduePublication", "Task_ResolveOverdueFiling");
    assertThat(fixture.historicVariable(cycle.getId(), EXECUTED_BY)).isEqualTo("tina");
    assertThat(fixture.historicVariable(cycle.getId(), PUBLISHED_BY)).isEqualTo("sam");
    assertThat(fixture.historicVariable(cycle.getId(), FILED_BY)).isEqualTo("tina");

    Path published = Path.of((String) fixture.historicVariable(cycle.getId(), PUBLISHED_CHECKLIST));
    assertThat(published).exists().hasFileName("checklist-2026-12-r2.pdf");
    assertThat(published.getParent()).hasFileName(client.slug());
    assertThat(pdfText(published)).contains(client.name()).contains(firstWords(firstItemText));

    Path filed = Path.of((String) fixture.historicVariable(cycle.getId(), FILED_RECORD));
    assertThat(filed).exists().hasFileName(client.slug() + ".pdf");
    assertThat(filed.getParent()).hasFileName("2026-11");
    assertThat(filed.resolveSibling(client.slug() + ".json")).exists();
    assertThat(pdfText(filed)).contains(client.name()).contains(firstWords(firstItemText))
        .contains("Backup of the mail store failed twice");
    // issue 17, item 8: every note a person wrote is in the filed record, PDF and JSON
    assertThat(pdfText(filed)).contains("Ticket 4711: mail store backup fixed").contains("Filed by month");
    assertThat(java.nio.file.Files.readString(filed.resolveSibling(client.slug() + ".json")))
        .contains("Ticket 4711: mail store backup fixed").contains("Filed by month").contains("\"kind\" : \"follow-up\"");
  }

  @Test
  void shouldSkipPrepareWhenTheMonthlyRoundsBatchPreparedTheCycle() {
    ContractClient onboarded = fixture.onboardedClient("Quayside Opticians");
    ContractClient withoutChecklist = fixture.activeClient("Old Mill Bakery");
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));

    String prepared = opener.request(onboarded.slug(), NOVEMBER, true).orElseThrow().processInstanceId();
    String unprepared = opener.request(withoutChecklist.slug(), NOVEMBER, true).orElseThrow().processInstanceId();

    // prepared in the opening's own transaction: no job of its own, already waiting for its first task
    assertThat(managementService.createJobQuery().processInstanceId(prepared).activityId("Task_PrepareChecklist").count()).isZero();
    ProcessInstance cycle = processInstanceQuery().processInstanceId(prepared).singleResult();
    assertThat(cycle).isWaitingAt("Task_ScheduleVisit")
        .hasPassedInOrder("StartEvent_CycleOpened", "Gateway_PreparedAtOpening", "Gateway_ChecklistReady", "Task_PlanVisit")
        .hasNotPassed("Task_PrepareChecklist");
    assertThat(runtimeService().getVariable(prepared, "clientName")).isEqualTo("Quayside Opticians");
    assertThat(runtimeService().getVariable(prepared, "checklistRevision")).isEqualTo(1);
    assertThat(fixture.checklistOf(prepared)).extracting(ChecklistItem::id)
        .containsExactlyElementsOf(revisions.itemsDueIn(onboarded.slug(), NOVEMBER).stream().map(RevisionItem::id).toList());
    assertThat(runtimeService().getVariable(prepared, "proposedVisitDate")).isEqualTo("2026-11-02");

    // a client without a published checklist yet: its own Prepare job makes revision 1
    assertThat(processInstanceQuery().processInstanceId(unprepared).singleResult()).isWaitingAt("Task_PrepareChecklist");
    assertThat(revisions.revisions(withoutChecklist.slug())).isEmpty();
    CycleTestFixture.prepare(managementService, unprepared);
    assertThat(processInstanceQuery().processInstanceId(unprepared).singleResult()).isWaitingAt("Task_ScheduleVisit")
        .hasPassed("Task_PrepareChecklist");
    assertThat(revisions.revisions(withoutChecklist.slug())).extracting(ChecklistRevision::number).containsExactly(1);
    assertThat(fixture.checklistOf(unprepared)).isNotEmpty();
  }

  @Test
  void shouldPublishRevisionOneWhenTheChecklistDidNotChange() {
    ContractClient client = fixture.activeClient("Kessler Law Office");
    fixture.clockAt(LocalDateTime.of(2026, 11, 3, 9, 0));
    ProcessInstance cycle = startCycle(client, NOVEMBER);

    fixture.executeChecklist(cycle.getId(), "tom");
    fixture.reviseChecklist(cycle.getId(), "tom", false);
    fixture.publishChecklist(cycle.getId(), "sam");
    fixture.executeDueJobs(cycle.getId());

    Path published = Path.of((String) fixture.historicVariable(cycle.getId(), PUBLISHED_CHECKLIST));
    assertThat(published).exists().hasFileName("checklist-2026-12-r1.pdf");
    assertThat(published.resolveSibling("checklist-2026-12-r2.pdf")).doesNotExist();
    assertThat(cycle).hasPassed("EndEvent_ChecklistPublished").isWaitingAt("Task_FileRecord");
  }

  @Test
  void shouldEscalateToManagerWhenExecutionDeadlinePasses() throws IOException {
    ContractClient client = fixture.activeClient("Greenfield Builders");
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));
    ProcessInstance cycle = startCycle(client, NOVEMBER);

    fixture.clockAt(LocalDateTime.of(2026, 11, 21, 0, 0, 1));
    fixture.fireTimer(cycle.getId(), "Timer_ExecutionDeadline");

    assertThat(cycle).isWaitingAt("Task_ExecuteChecklist", "Task_ResolveOverdueExecution")
        .hasPassed("EndEvent_ExecutionOverdue", "BoundaryEvent_ExecutionOverdue");
    assertThat(candidateGroups(fixture.task(cycle.getId(), "Task_ResolveOverdueExecution"))).containsExactly("service-managers");

    shouldEscalateAgainToProcessOwnersAfterTwoUnresolvedDays(cycle, "Execution");
    fixture.resolveOverdue(cycle.getId(), "Task_ResolveOverdueExecution", "sam");

    assertThat(cycle).isNotEnded().isWaitingAt("Task_ExecuteChecklist").hasPassed("EndEvent_ExecutionOverdueResolved");
    // the late visit still goes on as usual, and what was done about it is in the filed record
    fixture.executeChecklist(cycle.getId(), "tina");
    assertThat(cycle).isWaitingAt("Task_ReviseChecklist", "Task_FileRecord");
    fixture.fileRecord(cycle.getId(), "tina");
    fixture.executeDueJobs(cycle.getId());
    Path filed = Path.of((String) runtimeService().getVariable(cycle.getId(), FILED_RECORD));
    assertThat(pdfText(filed)).contains("Missed deadline (execute): what was done").contains("Called the technician; visit rescheduled")
        .contains("Spoke to the service manager");
  }

  /** Second level: an escalation unresolved for two days goes to the process owners; the first stays open. */
  private void shouldEscalateAgainToProcessOwnersAfterTwoUnresolvedDays(ProcessInstance cycle, String job) {
    var timer = fixture.timerJob(cycle.getId(), "Timer_" + job + "EscalationUnresolved");
    ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
    fixture.fireTimer(cycle.getId(), "Timer_" + job + "EscalationUnresolved");

    assertThat(cycle).isWaitingAt("Task_ResolveOverdue" + job, "Task_ReviewUnresolved" + job);
    assertThat(candidateGroups(fixture.task(cycle.getId(), "Task_ReviewUnresolved" + job))).containsExactly("process-owners");
    fixture.complete(cycle.getId(), "Task_ReviewUnresolved" + job, "petra", Map.of("resolutionNote", "Spoke to the service manager"));
    assertThat(cycle).hasPassed("EndEvent_" + job + "EscalationReviewed");
  }

  private ProcessInstance openCycle(ContractClient client, YearMonth month) {
    CycleOpener.Opening opening = fixture.openCycle(client, month);
    assertThat(opening.started()).isTrue();
    return processInstanceQuery().processInstanceId(opening.processInstanceId()).singleResult();
  }

  private String firstItemBeforeRevision;

  /** The November cycle, executed and revised (first item reworded), not yet published. */
  private ProcessInstance executedAndRevisedInNovember(ContractClient client) {
    fixture.clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));
    ProcessInstance november = startCycle(client, NOVEMBER);
    firstItemBeforeRevision = fixture.checklistOf(november.getId()).get(0).text();
    fixture.executeChecklist(november.getId(), "tina");
    fixture.reviseChecklist(november.getId(), "tina", true);
    return november;
  }

  /** Opens the cycle and keeps the proposed visit date: the cycle waits at Execute checklist. */
  private ProcessInstance startCycle(ContractClient client, YearMonth month) {
    ProcessInstance cycle = openCycle(client, month);
    fixture.scheduleVisit(cycle.getId(), "tina");
    return cycle;
  }

  private java.util.List<String> candidateGroups(Task task) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
        .getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private static String firstWords(String text) {
    String[] words = text.split(" ");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }
}
