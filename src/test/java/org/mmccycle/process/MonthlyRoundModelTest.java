package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/**
 * Process_MonthlyMaintenanceRound and Process_ClientCycleOpening on a plain engine, delegates mocked:
 * the timer on the 1st and a service manager's message both list the clients, then request their
 * cycles in a job of its own; each batch opens its clients in a job of its own; Tasklist's start form
 * "Open a month's cycles" hands its month to the round. Gate: 90 % of the three.
 */
@Deployment(resources = {"processes/monthly-maintenance-round.bpmn", "processes/client-cycle-opening.bpmn", "processes/open-month.bpmn"})
class MonthlyRoundModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(0.9).build();

  private final List<String> ran = new ArrayList<>();

  @BeforeEach
  void delegates() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("listActiveClientsDelegate", (JavaDelegate) execution -> {
      ran.add("list " + execution.getVariable(CycleVariables.MONTH));
      execution.setVariable(CycleVariables.CLIENT_SLUGS, List.of("harbour", "kessler"));
    });
    Mocks.register("requestClientCyclesDelegate", (JavaDelegate) execution -> ran.add("request"));
    Mocks.register("openMonthDelegate", (JavaDelegate) execution -> ran.add("open month " + execution.getVariable(CycleVariables.MONTH)));
    Mocks.register("openClientCyclesDelegate", (JavaDelegate) execution -> ran.add("open " + execution.getVariable(CycleVariables.CLIENT_SLUGS)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theTimerOnTheFirstAtSixOpensTheMonthInAJobOfItsOwn() {
    var timer = managementService().createJobQuery().activityId("StartEvent_MonthStarts").singleResult();
    assertThat(timer).as("the month's timer").isNotNull();
    assertThat(timer.getDuedate()).isAfter(new Date(0));
    ClockUtil.setCurrentTime(timer.getDuedate());

    managementService().executeJob(timer.getId());

    ProcessInstance round = runtimeService().createProcessInstanceQuery().processDefinitionKey("Process_MonthlyMaintenanceRound")
        .singleResult();
    assertThat(round).isWaitingAt("Task_RequestClientCycles").hasPassed("StartEvent_MonthStarts", "Task_ListActiveClients");
    execute(job("Task_RequestClientCycles", round));
    assertThat(round).isEnded().hasPassed("EndEvent_MonthOpened");
    assertThat(ran).containsExactly("list null", "request");
  }

  @Test
  void aServiceManagerOpensAGivenMonthByMessage() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 15, 10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()));

    ProcessInstance round = runtimeService().createMessageCorrelation(CycleVariables.OPEN_MONTH_MESSAGE)
        .processInstanceBusinessKey("round:2026-12").setVariable(CycleVariables.MONTH, "2026-12").correlateStartMessage();

    assertThat(round).hasPassed("StartEvent_OpenMonthByHand", "Gateway_MonthChosen").isWaitingAt("Task_RequestClientCycles");
    execute(job("Task_RequestClientCycles", round));
    assertThat(round).isEnded();
    assertThat(ran).containsExactly("list 2026-12", "request");
  }

  /** Tasklist's Start process → Open a month's cycles: the start form's month goes to the round in the same transaction. */
  @Test
  void aServiceManagerOpensAMonthFromTasklistsStartForm() {
    String definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_OpenMonth").singleResult().getId();

    ProcessInstance started = engine.getProcessEngine().getFormService().submitStartForm(definition, Map.of(CycleVariables.MONTH, "2026-12"));

    assertThat(started).isEnded().hasPassed("StartEvent_MonthRequested", "Task_OpenMonth", "EndEvent_MonthOpened");
    assertThat(ran).containsExactly("open month 2026-12");
  }

  @Test
  void aBatchOfClientsOpensInAJobOfItsOwn() {
    ProcessInstance batch = runtimeService().startProcessInstanceByKey(CycleVariables.CLIENT_CYCLE_OPENING_PROCESS,
        Map.of(CycleVariables.CYCLE_MONTH, "2026-12", CycleVariables.CLIENT_SLUGS, List.of("harbour", "kessler")));

    assertThat(batch).isWaitingAt("Task_OpenClientCycles");
    execute(job("Task_OpenClientCycles", batch));

    assertThat(batch).isEnded().hasPassed("EndEvent_ClientCycleOpened");
    assertThat(ran).containsExactly("open [harbour, kessler]");
  }
}
