package org.mmccycle.process;

import org.mmccycle.cycle.CycleMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mmccycle.process.CycleVariables.CLIENT_CYCLE_PROCESS;
import static org.mmccycle.process.CycleVariables.MONTHLY_ROUND_PROCESS;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ContractClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Process_MonthlyMaintenanceRound: opens each active client's cycle once, one job (and at most one incident) per client. */
class MonthlyRoundTest extends MmcSpringBootTest {

  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @LocalServerPort
  private int port;

  @Test
  void shouldOpenOneCyclePerActiveClientWhenTheMonthStarts() {
    ContractClient dental = fixture.onboardedClient("Harbour Dental");
    // a client stored without a checklist (before onboarding made one): its cycle makes it in its own Prepare job
    ContractClient law = fixture.activeClient("Kessler Law");
    ContractClient bakery = fixture.inactiveClient("Closed Bakery");
    YearMonth march = YearMonth.of(2027, 3);
    fixture.clockAt(LocalDateTime.of(2027, 3, 1, 6, 0));

    String round = runTimerStartedRound();

    assertThat(ended(round)).as("round ended").isTrue();
    assertThat(passed(round)).contains("StartEvent_MonthStarts", "Gateway_MonthChosen", "Task_ListActiveClients",
        "Task_RequestClientCycles", "EndEvent_MonthOpened");
    assertThat(fixture.historicVariable(round, CycleVariables.CYCLE_MONTH)).isEqualTo("2027-03");
    assertThat(fixture.cyclesWithBusinessKey(dental.slug(), march)).isEqualTo(1);
    assertThat(fixture.cyclesWithBusinessKey(law.slug(), march)).isEqualTo(1);
    assertThat(fixture.cyclesWithBusinessKey(bakery.slug(), march)).isZero();
    assertWaitsToBeScheduled(dental, march);
    assertWaitsToBeScheduled(law, march);
    assertThat(cyclesOf(dental, march).get(0)).as("prepared by its batch").hasNotPassed("Task_PrepareChecklist");
    assertThat(cyclesOf(law, march).get(0)).as("prepared in its own job").hasPassed("Task_PrepareChecklist");
  }

  @Test
  void shouldOpenNoCycleTwiceWhenTheMonthIsOpenedAgain() {
    ContractClient dental = fixture.activeClient("Harbour Dental");
    ContractClient law = fixture.activeClient("Kessler Law");
    YearMonth april = YearMonth.of(2027, 4);
    fixture.clockAt(LocalDateTime.of(2027, 4, 1, 6, 0));
    runTimerStartedRound();
    String dentalCycle = cyclesOf(dental, april).get(0).getId();

    fixture.clockAt(LocalDateTime.of(2027, 4, 9, 14, 0));
    ProcessInstance byHand = openMonthByHand("2027-04");
    fixture.executeDueJobs(byHand.getId());
    fixture.executeOpenings();

    assertThat(byHand).isEnded().hasPassed("StartEvent_OpenMonthByHand", "Task_RequestClientCycles", "EndEvent_MonthOpened");
    assertThat(fixture.cyclesWithBusinessKey(dental.slug(), april)).isEqualTo(1);
    assertThat(fixture.cyclesWithBusinessKey(law.slug(), april)).isEqualTo(1);
    assertThat(cyclesOf(dental, april)).extracting(ProcessInstance::getId).containsExactly(dentalCycle);
  }

  @Test
  void shouldOpenAMonthByHandForAGivenMonth() {
    ContractClient dental = fixture.activeClient("Harbour Dental");
    fixture.clockAt(LocalDateTime.of(2027, 5, 20, 9, 0));

    ProcessInstance byHand = openMonthByHand("2027-06");
    fixture.executeDueJobs(byHand.getId());
    fixture.executeOpenings();

    assertThat(byHand).isEnded();
    assertThat(fixture.cyclesWithBusinessKey(dental.slug(), YearMonth.of(2027, 6))).isEqualTo(1);
    assertThat(fixture.cyclesWithBusinessKey(dental.slug(), YearMonth.of(2027, 5))).isZero();
  }

  @Test
  void shouldSkipAClientRemovedBeforeItsBatchRunsWhileTheOthersOpen() {
    ContractClient dental = fixture.activeClient("Harbour Dental");
    ContractClient vanished = fixture.activeClient("Vanished Client");
    ContractClient law = fixture.activeClient("Kessler Law");
    YearMonth july = YearMonth.of(2027, 7);
    fixture.clockAt(LocalDateTime.of(2027, 7, 2, 8, 0));
    ProcessInstance byHand = openMonthByHand("2027-07");
    // listed as active, then removed before its batch opens
    fixture.deleteClient(vanished.slug());
    fixture.executeDueJobs(byHand.getId());
    assertThat(byHand).isEnded();

    fixture.executeOpenings();

    assertThat(runtimeService.createIncidentQuery().count()).as("incidents").isZero();
    assertWaitsToBeScheduled(dental, july);
    assertWaitsToBeScheduled(law, july);
    assertThat(fixture.cyclesWithBusinessKey(vanished.slug(), july)).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName(CycleVariables.SKIPPED_CLIENTS).list())
        .as("the batch's record of whom it skipped")
        .anySatisfy(skipped -> assertThat(skipped.getValue()).isEqualTo(List.of(vanished.slug())));
  }

  @Test
  void shouldRaiseOneIncidentOnTheCycleThatCannotBePreparedWhileTheOthersOpen() {
    ContractClient dental = fixture.onboardedClient("Harbour Dental");
    ContractClient broken = fixture.onboardedClient("Broken Checklist");
    YearMonth august = YearMonth.of(2027, 8);
    fixture.clockAt(LocalDateTime.of(2027, 8, 2, 8, 0));
    ProcessInstance byHand = openMonthByHand("2027-08");
    fixture.executeDueJobs(byHand.getId());
    // a preference written around the API's validation: the visit cannot be planned
    jdbc.sql("update mmc_client set visit_preference = 'every full moon' where slug = ?").param(broken.slug()).update();
    fixture.executeOpenings();
    // the batch's first attempt, preparing its cycles together, failed and opened none; its retry opened them unprepared
    List<HistoricProcessInstance> batches = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_OPENING_PROCESS).processInstanceBusinessKeyLike("opening:2027-08:%").list();
    assertThat(batches).as("every batch ended").allSatisfy(batch -> assertThat(batch.getEndTime()).isNotNull());
    List<HistoricProcessInstance> failed = batches.stream()
        .filter(batch -> historyService.createHistoricJobLogQuery().processInstanceId(batch.getId()).failureLog().count() == 1)
        .toList();
    assertThat(failed).as("one batch failed once").hasSize(1);
    @SuppressWarnings("unchecked")
    List<String> retried = (List<String>) fixture.historicVariable(failed.get(0).getId(), CycleVariables.CLIENT_SLUGS);
    assertThat(retried).as("the failed batch has the broken client").contains(broken.slug());
    assertThat(retried).as("its other clients, opened by the retry, each prepared in its own job")
        .filteredOn(slug -> !slug.equals(broken.slug())).allSatisfy(slug ->
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CycleMonth.businessKey(slug, august))
            .singleResult()).hasPassed("Task_PrepareChecklist"));
    String brokenCycle = cyclesOf(broken, august).get(0).getId();
    int attempts = executeJobsRetryingFailures(brokenCycle);

    assertThat(runtimeService.createIncidentQuery().processInstanceId(brokenCycle).list()).singleElement().satisfies(incident -> {
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo("Task_PrepareChecklist");
      assertThat(incident.getIncidentMessage()).contains("every full moon");
    });
    assertThat(attempts).as("the retries of R3/PT5M after the first attempt").isEqualTo(2);
    assertThat(runtimeService.createIncidentQuery().count()).as("incidents elsewhere").isEqualTo(1);
    assertWaitsToBeScheduled(dental, august);
  }

  @Test
  void shouldOpenTheClientsInBatchesOfTheConfiguredSize() {
    YearMonth september = YearMonth.of(2027, 9);
    fixture.clockAt(LocalDateTime.of(2027, 9, 1, 8, 0));
    List<ContractClient> active = IntStream.range(0, 3).mapToObj(i -> fixture.activeClient("Batch Client " + i)).toList();
    ProcessInstance byHand = openMonthByHand("2027-09");
    fixture.executeDueJobs(byHand.getId());

    long listed = ((List<?>) fixture.historicVariable(byHand.getId(), CycleVariables.CLIENT_SLUGS)).size();
    List<HistoricProcessInstance> batches = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_OPENING_PROCESS).processInstanceBusinessKeyLike("opening:2027-09:%").list();
    assertThat(batches).as("batches of at most 50 for " + listed + " clients").hasSize((int) ((listed + 49) / 50));
    assertThat(batches).extracting(HistoricProcessInstance::getBusinessKey).contains("opening:2027-09:1-" + Math.min(50, listed));
    fixture.executeOpenings();
    active.forEach(client -> assertWaitsToBeScheduled(client, september));
  }

  /** Tasklist's Start process → Open a month's cycles, through the web apps' API with sam's session, as Tasklist sends it. */
  @Test
  void shouldOpenAMonthFromTasklistsStartFormForServiceManagersOnly() throws Exception {
    ContractClient dental = fixture.activeClient("Harbour Dental");
    fixture.clockAt(LocalDateTime.of(2028, 1, 20, 9, 0));
    String sam = fixture.user("roundsam", org.mmccycle.security.MmcGroups.SERVICE_MANAGERS, "round-secret-1");
    String tina = fixture.user("roundtina", org.mmccycle.security.MmcGroups.TECHNICIANS, "round-secret-1");
    String submit = "/camunda/api/engine/engine/default/process-definition/key/Process_OpenMonth/submit-form";

    ApiClient.Response started = ApiClient.webappSession(port, sam, "round-secret-1")
        .postJson(submit, "{\"variables\":{\"month\":{\"value\":\"2028-02\",\"type\":\"String\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String opening = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).path("id").asText();
    assertThat(ended(opening)).isTrue();
    assertThat(fixture.historicVariable(opening, "openedClients")).as("active clients the round opens").isNotEqualTo(0);
    ProcessInstance round = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("round:2028-02").singleResult();
    assertThat(round).as("the month's round").isNotNull();
    fixture.executeDueJobs(round.getId());
    fixture.executeOpenings();
    assertWaitsToBeScheduled(dental, YearMonth.of(2028, 2));

    ApiClient.Response tooFar = ApiClient.webappSession(port, sam, "round-secret-1")
        .postJson(submit, "{\"variables\":{\"month\":{\"value\":\"2040-01\",\"type\":\"String\"}}}");
    assertThat(tooFar.status()).isEqualTo(400);
    assertThat(tooFar.body()).contains("month 2040-01 is too far from now");
    ApiClient.Response technician = ApiClient.webappSession(port, tina, "round-secret-1")
        .postJson(submit, "{\"variables\":{\"month\":{\"value\":\"2028-02\",\"type\":\"String\"}}}");
    assertThat(technician.status()).as(technician.body()).isEqualTo(403);
  }

  @Test
  void shouldRefuseAMonthThatDoesNotExist() {
    fixture.clockAt(LocalDateTime.of(2027, 8, 2, 8, 0));
    assertThatThrownBy(() -> openMonthByHand("2027-13"))
        .hasMessageContaining("month '2027-13' does not exist");
  }

  /** Fires the round's timer start event (06:00 on the 1st) by hand, then each client's job. */
  private String runTimerStartedRound() {
    Job timer = managementService.createJobQuery().processDefinitionKey(MONTHLY_ROUND_PROCESS).timers().singleResult();
    assertThat(timer).as("the timer start event's job").isNotNull();
    List<String> before = roundIds();

    managementService.executeJob(timer.getId());

    List<String> started = roundIds();
    started.removeAll(before);
    assertThat(started).as("rounds the timer started").hasSize(1);
    Job next = managementService.createJobQuery().processDefinitionKey(MONTHLY_ROUND_PROCESS).timers().singleResult();
    assertThat(next.getDuedate()).as("next month's timer").isAfter(ClockUtil.getCurrentTime());
    fixture.executeDueJobs(started.get(0));
    fixture.executeOpenings();
    return started.get(0);
  }

  private List<String> roundIds() {
    return new ArrayList<>(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MONTHLY_ROUND_PROCESS).list()
        .stream().map(HistoricProcessInstance::getId).toList());
  }

  private ProcessInstance openMonthByHand(String month) {
    return runtimeService.createMessageCorrelation(CycleVariables.OPEN_MONTH_MESSAGE)
        .processInstanceBusinessKey("round:" + month)
        .setVariable(CycleVariables.MONTH, month)
        .correlateStartMessage();
  }

  /** The client has one cycle in the month, prepared: it waits at Schedule visit. */
  private void assertWaitsToBeScheduled(ContractClient client, YearMonth month) {
    assertThat(cyclesOf(client, month)).singleElement().satisfies(cycle -> assertThat(cycle).isWaitingAt("Task_ScheduleVisit"));
  }

  private List<ProcessInstance> cyclesOf(ContractClient client, YearMonth month) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CLIENT_CYCLE_PROCESS)
        .processInstanceBusinessKey(CycleMonth.businessKey(client.slug(), month)).list();
  }

  /** Executes due jobs; a failing job is retried as the engine would, by moving the clock past its retry time. */
  private int executeJobsRetryingFailures(String processInstanceId) {
    int failures = 0;
    while (true) {
      Job job = managementService.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft().listPage(0, 1)
          .stream().findFirst().orElse(null);
      if (job == null) {
        return failures;
      }
      if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
      }
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        failures++;
        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        if (failed.getRetries() > 0) {
          assertThat(failed.getDuedate()).as("retried after R3/PT5M's five minutes")
              .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));
        }
      }
      if (failures > 10) {
        throw new AssertionError("the failing job is retried forever");
      }
    }
  }

  /** The activities an instance (running or ended) has completed, from history. */
  private List<String> passed(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished().list()
        .stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private boolean ended(String processInstanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getEndTime() != null;
  }
}
