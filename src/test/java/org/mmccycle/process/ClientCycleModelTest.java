package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.Deadlines;
import org.mmccycle.engine.EngineClock;

/**
 * Process_ClientMaintenanceCycle path by path on a plain engine: the model and the responsibility
 * table deployed as an analyst would, the delegates replaced by mocks, the deadlines and the
 * responsibility the product's own. Coverage gate: 90 % of the model by this class.
 */
@Deployment(resources = {"processes/client-maintenance-cycle.bpmn", "processes/responsibility.dmn"})
class ClientCycleModelTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(0.9).build();

  private final List<String> ran = new java.util.ArrayList<>();

  @BeforeEach
  void beans() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("deadlines", new Deadlines(new CycleCalendar(new EngineClock(BERLIN))));
    Mocks.register("responsibility", new Responsibility(engine.getProcessEngine(), slug -> Optional.of(
        slug.startsWith("gold") ? new ClientRepository.Routing("gold", null, "tom") : new ClientRepository.Routing("standard", null, "tina")), technician -> true));
    Mocks.register("followUps", new FollowUpSummaries());
    for (String delegate : List.of("planVisitDelegate", "publishChecklistDelegate", "fileRecordDelegate")) {
      Mocks.register(delegate, (JavaDelegate) execution -> ran.add(delegate));
    }
    Mocks.register("prepareChecklistDelegate", (JavaDelegate) execution -> {
      ran.add("prepareChecklistDelegate");
      execution.setVariable("checklistItems", "[]");
    });
    issuesFound(0);
    clockAt(LocalDateTime.of(2026, 11, 2, 8, 0));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aCycleNotPreparedAtOpeningPreparesItselfAndDoesEveryJobOnTime() {
    issuesFound(1);
    ProcessInstance cycle = start("harbour", false);

    assertThat(cycle).isWaitingAt("Task_PrepareChecklist");
    execute(job(cycle));
    assertThat(cycle).isWaitingAt("Task_ScheduleVisit");
    assertThat(task(cycle)).isAssignedTo("tina");
    assertThat(candidateGroups(task(cycle))).containsExactlyInAnyOrder("technicians", "service-managers");
    assertThat(task(cycle).getDueDate()).isEqualTo(endOfDay("2026-11-05"));
    complete(task(cycle));
    assertThat(cycle).isWaitingAt("Task_ExecuteChecklist");
    assertThat(task(cycle)).as("the client's technician has it").isAssignedTo("tina");
    assertThat(candidateGroups(task(cycle))).as("her group stays candidate").containsExactly("technicians");
    complete(task(cycle));
    execute(job("Task_ReportIssues", cycle));
    assertThat(cycle).isWaitingAt("Task_FollowUpIssues", "Task_ReviseChecklist", "Task_FileRecord");
    assertThat(taskService().getVariable(task("Task_FollowUpIssues", cycle).getId(), "issueSummary"))
        .isEqualTo("SRV01 / Backups: restore test failed");
    complete(task("Task_FollowUpIssues", cycle));
    assertThat(task("Task_ReviseChecklist", cycle)).isAssignedTo("tina");
    assertThat(task("Task_FileRecord", cycle)).isAssignedTo("tina");
    complete(task("Task_ReviseChecklist", cycle));
    assertThat(task("Task_PublishChecklist", cycle)).hasCandidateGroup("service-managers").isNotAssigned();
    complete(task("Task_PublishChecklist", cycle));
    execute(job("Task_RenderAndPublishChecklist", cycle));
    complete(task("Task_FileRecord", cycle));
    execute(job("Task_RenderAndFileRecord", cycle));

    assertThat(cycle).isEnded().hasPassed("Task_PrepareChecklist", "Task_FollowUpIssues", "EndEvent_ChecklistPublished",
        "EndEvent_JobsDone", "EndEvent_CycleCompleted").hasNotPassed("Task_ResolveOverdueExecution");
    assertThat(ran).containsExactly("prepareChecklistDelegate", "planVisitDelegate", "publishChecklistDelegate", "fileRecordDelegate");
  }

  @Test
  void aServiceManagerSendsTheRevisionBackToReviseAndApprovesTheNextOne() {
    ProcessInstance cycle = start("harbour", true);
    complete(task(cycle));
    complete(task(cycle));
    execute(job("Task_ReportIssues", cycle));
    complete(task("Task_ReviseChecklist", cycle));

    complete(task("Task_PublishChecklist", cycle), Map.of("publishDecision", "send-back", "sendBackComment", "Keep the old NAS item"));

    assertThat(cycle).isWaitingAt("Task_ReviseChecklist", "Task_FileRecord");
    assertThat(task("Task_ReviseChecklist", cycle)).isAssignedTo("tina");
    complete(task("Task_ReviseChecklist", cycle));
    complete(task("Task_PublishChecklist", cycle), Map.of("publishDecision", "approve"));
    execute(job("Task_RenderAndPublishChecklist", cycle));

    assertThat(cycle).hasPassed("EndEvent_ChecklistPublished");
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricActivityInstanceQuery()
        .processInstanceId(cycle.getId()).activityId("Task_ReviseChecklist").count()).as("revised twice").isEqualTo(2);
    assertThat(ran).containsExactly("planVisitDelegate", "publishChecklistDelegate");
  }

  @Test
  void aCyclePreparedAtOpeningWithoutIssuesGoesStraightToItsJobsAndAGoldClientsTechnicianExecutes() {
    ProcessInstance cycle = start("gold-kessler", true);

    assertThat(cycle).isWaitingAt("Task_ScheduleVisit").hasNotPassed("Task_PrepareChecklist");
    complete(task(cycle));
    assertThat(task(cycle)).isAssignedTo("tom");
    complete(task(cycle));
    execute(job("Task_ReportIssues", cycle));

    assertThat(cycle).isWaitingAt("Task_ReviseChecklist", "Task_FileRecord").hasNotPassed("Task_FollowUpIssues");
  }

  @ParameterizedTest(name = "{0}: overdue {2}, resolved")
  @CsvSource({
      "Scheduling, Timer_SchedulingDeadline, 2026-11-06, process-owners",
      "Execution, Timer_ExecutionDeadline, 2026-11-21, service-managers",
      "Revision, Timer_RevisionDeadline, 2026-11-26, service-managers",
      "Publication, Timer_PublicationDeadline, 2026-11-26, process-owners",
      "Filing, Timer_FilingDeadline, 2026-12-01, service-managers"})
  void aMissedDeadlineGivesItsEscalationGroupAResolveTaskWhileTheJobStaysOpen(String what, String timer, String day, String group) {
    ProcessInstance cycle = reach(timer);
    String job = "Task_" + jobOf(what);

    clockAt(LocalDateTime.parse(day + "T00:00:01"));
    execute(job(timer, cycle));

    assertThat(cycle).isWaitingAt(job, "Task_ResolveOverdue" + what).hasPassed("EndEvent_" + what + "Overdue");
    assertThat(task("Task_ResolveOverdue" + what, cycle)).hasCandidateGroup(group);
    complete(task("Task_ResolveOverdue" + what, cycle));
    assertThat(cycle).hasPassed("EndEvent_" + what + "OverdueResolved").isWaitingAt(job);
  }

  @ParameterizedTest(name = "{0}: unresolved for two days goes to the process owners")
  @CsvSource({"Scheduling, Timer_SchedulingDeadline, 2026-11-06", "Execution, Timer_ExecutionDeadline, 2026-11-21",
      "Revision, Timer_RevisionDeadline, 2026-11-26", "Publication, Timer_PublicationDeadline, 2026-11-26",
      "Filing, Timer_FilingDeadline, 2026-12-01"})
  void anEscalationUnresolvedForTwoDaysIsReviewedByTheProcessOwners(String what, String timer, String day) {
    ProcessInstance cycle = reach(timer);
    clockAt(LocalDateTime.parse(day + "T00:00:01"));
    execute(job(timer, cycle));

    clockAt(LocalDateTime.parse(day + "T00:00:01").plusDays(2).plusMinutes(1));
    execute(job("Timer_" + what + "EscalationUnresolved", cycle));

    assertThat(cycle).isWaitingAt("Task_ResolveOverdue" + what, "Task_ReviewUnresolved" + what, "Task_" + jobOf(what));
    assertThat(task("Task_ReviewUnresolved" + what, cycle)).hasCandidateGroup("process-owners");
    complete(task("Task_ReviewUnresolved" + what, cycle));
    assertThat(cycle).hasPassed("EndEvent_" + what + "EscalationReviewed");
  }

  /** Camunda silently drops an escalation nobody catches: every one the model throws has a catcher around it. */
  @Test
  void everyEscalationTheModelThrowsIsCaught() {
    var definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).latestVersion().singleResult();
    BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());

    List<EndEvent> throwing = model.getModelElementsByType(EndEvent.class).stream()
        .filter(end -> !end.getChildElementsByType(EscalationEventDefinition.class).isEmpty())
        .toList();
    assertThat(throwing).extracting(EndEvent::getId)
        .containsExactlyInAnyOrder("EndEvent_SchedulingOverdue", "EndEvent_ExecutionOverdue", "EndEvent_RevisionOverdue",
            "EndEvent_PublicationOverdue", "EndEvent_FilingOverdue");
    for (EndEvent end : throwing) {
      var escalation = end.getChildElementsByType(EscalationEventDefinition.class).iterator().next().getEscalation();
      boolean caught = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(boundary -> boundary.getAttachedTo() instanceof SubProcess subProcess && encloses(subProcess, end))
          .flatMap(boundary -> boundary.getEventDefinitions().stream())
          .anyMatch(caughtBy -> caughtBy instanceof EscalationEventDefinition catcher
              && (catcher.getEscalation() == null || catcher.getEscalation().getEscalationCode().equals(escalation.getEscalationCode())));
      assertThat(caught).as("escalation %s thrown by %s is caught", escalation.getEscalationCode(), end.getId()).isTrue();
    }
  }

  private static boolean encloses(SubProcess subProcess, EndEvent end) {
    for (var parent = end.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == subProcess) {
        return true;
      }
    }
    return false;
  }

  /** Starts a standard client's cycle and does its jobs until the task the timer watches is open. */
  private ProcessInstance reach(String timer) {
    ProcessInstance cycle = start("harbour", true);
    if (timer.equals("Timer_SchedulingDeadline")) {
      return cycle;
    }
    complete(task("Task_ScheduleVisit", cycle));
    if (timer.equals("Timer_ExecutionDeadline")) {
      return cycle;
    }
    complete(task("Task_ExecuteChecklist", cycle));
    execute(job("Task_ReportIssues", cycle));
    if (timer.equals("Timer_PublicationDeadline")) {
      complete(task("Task_ReviseChecklist", cycle));
    }
    return cycle;
  }

  private static String jobOf(String what) {
    return switch (what) {
      case "Scheduling" -> "ScheduleVisit";
      case "Execution" -> "ExecuteChecklist";
      case "Revision" -> "ReviseChecklist";
      case "Publication" -> "PublishChecklist";
      default -> "FileRecord";
    };
  }

  /** What the follow-up task shows, as {@code ${followUps.summary(checklistItems)}} asks. */
  public static class FollowUpSummaries {
    public String summary(Object items) {
      return "SRV01 / Backups: restore test failed";
    }
  }

  private static ProcessInstance start(String clientSlug, boolean preparedAtOpening) {
    Map<String, Object> variables = new HashMap<>(Map.of("clientSlug", clientSlug, "clientName", "Client " + clientSlug,
        "cycleMonth", "2026-11"));
    if (preparedAtOpening) {
      variables.put("checklistItems", "[]");
    }
    return runtimeService().startProcessInstanceByKey(CycleVariables.CLIENT_CYCLE_PROCESS, clientSlug + ":2026-11", variables);
  }

  private void issuesFound(int count) {
    Mocks.register("reportIssuesDelegate", (JavaDelegate) execution -> execution.setVariable("issueCount", count));
  }

  private static void clockAt(LocalDateTime berlin) {
    ClockUtil.setCurrentTime(Date.from(berlin.atZone(BERLIN).toInstant()));
  }

  private static Date endOfDay(String day) {
    return Date.from(Instant.from(java.time.LocalDate.parse(day).plusDays(1).atStartOfDay(BERLIN)));
  }

  /** A task's candidate groups (camunda-bpm-assert's hasCandidateGroup also wants the task unassigned). */
  private static java.util.List<String> candidateGroups(org.camunda.bpm.engine.task.Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }
}
