package org.mmccycle.modelling;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmccycle.AccountabilityFixture.clockAt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.AccountabilityFixture;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.process.CycleOpener;
import org.mmccycle.process.CycleVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What docs/modelling.md promises an analyst: a model deployed with a new deadline applies to the
 * cycles opened after it, while a cycle already running keeps the deadline it started with.
 */
class RedeployedDeadlineTest extends MmcSpringBootTest {

  private static final ZoneId BERLIN = AccountabilityFixture.BERLIN;

  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired CycleOpener opener;
  @Autowired ClientRepository clients;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private String analystDeployment;

  @AfterEach
  void undeployTheAnalystsChange() {
    AccountabilityFixture.resetClock();
    if (analystDeployment != null) {
      repositoryService.deleteDeployment(analystDeployment, true);
    }
  }

  @Test
  void aModelRedeployedWithTheEighteenthAppliesToNewCyclesWhileRunningCyclesKeepTheTwentieth() throws Exception {
    var fixture = new AccountabilityFixture(clients, identityService, jdbc);
    var before = fixture.client("Harbour Dental", "tina", "standard");
    var after = fixture.client("Kessler Law", "tom", "standard");
    clockAt("2031-05-02T08:00");
    String runningCycle = AccountabilityFixture.openScheduled(opener, taskService, managementService, before.slug(), YearMonth.of(2031, 5));

    ProcessDefinition current = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).latestVersion().singleResult();
    String bpmn = new String(repositoryService.getProcessModel(current.getId()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bpmn).contains("${deadlines.endOfDay(cycleMonth, 20)}");
    analystDeployment = repositoryService.createDeployment().name("analyst: executed by the 18th").source("Camunda Modeler")
        .addString("client-maintenance-cycle.bpmn", bpmn.replace("endOfDay(cycleMonth, 20)", "endOfDay(cycleMonth, 18)"))
        .deploy().getId();
    String newCycle = AccountabilityFixture.openScheduled(opener, taskService, managementService, after.slug(), YearMonth.of(2031, 5));

    assertThat(dueDay(newCycle)).isEqualTo("2031-05-18");
    assertThat(deadlineTimerDay(newCycle)).isEqualTo("2031-05-18");
    assertThat(dueDay(runningCycle)).isEqualTo("2031-05-20");
    assertThat(deadlineTimerDay(runningCycle)).isEqualTo("2031-05-20");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS)
        .latestVersion().singleResult().getVersion()).isEqualTo(current.getVersion() + 1);
  }

  /** The day Task_ExecuteChecklist is due (its due date is the end of that day). */
  private LocalDate dueDay(String processInstanceId) {
    var task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ExecuteChecklist").singleResult();
    return task.getDueDate().toInstant().minusSeconds(1).atZone(BERLIN).toLocalDate();
  }

  private LocalDate deadlineTimerDay(String processInstanceId) {
    var timer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Timer_ExecutionDeadline").singleResult();
    return timer.getDuedate().toInstant().minusSeconds(1).atZone(BERLIN).toLocalDate();
  }
}
