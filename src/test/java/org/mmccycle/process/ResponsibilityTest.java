package org.mmccycle.process;

import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.engine.WithoutAuthorization;
import org.mmccycle.cycle.Job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.AccountabilityFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ResponsibilityTest extends MmcSpringBootTest {

  @Autowired Responsibility responsibility;
  @Autowired ClientRepository clients;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

  private String deploymentId;
  private String tina;
  private String tom;

  @org.junit.jupiter.api.BeforeEach
  void technicians() {
    tina = fixture.user("tina", "technicians", "secret-Tina-1");
    tom = fixture.user("tom", "technicians", "secret-Tom-1");
  }

  @AfterEach
  void removeTestModel() {
    identityService.clearAuthentication();
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @ParameterizedTest(name = "{0} for a {1} client: {2}, assigned to the technician: {3}, escalated to {4}")
  @CsvSource({
      "schedule,   standard, 'technicians,service-managers', true, process-owners",
      "schedule,   gold,     'technicians,service-managers', true, process-owners",
      "execute,    standard, technicians,      true,  service-managers",
      "execute,    gold,     technicians,      true,  service-managers",
      "revise,     standard, technicians,      true,  service-managers",
      "revise,     gold,     technicians,      true,  service-managers",
      "publish,    standard, service-managers, false, process-owners",
      "publish,    gold,     service-managers, false, process-owners",
      "file,       standard, technicians,      true,  service-managers",
      "file,       gold,     service-managers, false, process-owners",
      "escalation, standard, ,                 false, process-owners",
      "escalation, gold,     ,                 false, process-owners"})
  void theTableNamesTheGroupForEveryJobAndTier(String job, String tier, String group, boolean assign, String escalation) {
    var decision = responsibility.decide(Job.of(job), tier, null, "tina");

    assertThat(decision.candidateGroup()).isEqualTo(group);
    assertThat(decision.assignToClientTechnician()).isEqualTo(assign);
    assertThat(decision.escalationGroup()).isEqualTo(escalation);
    assertThat(decision.assignee()).isEqualTo(assign ? "tina" : null);
  }

  @Test
  void anUnknownTierOrARegionIsRoutedLikeAStandardClient() {
    assertThat(responsibility.decide(Job.EXECUTE, "platinum", "north", "tom"))
        .isEqualTo(new Responsibility.Decision("technicians", true, "service-managers", "tom"));
    assertThat(responsibility.decide(Job.EXECUTE, null, null, "tom").candidateGroup()).isEqualTo("technicians");
  }

  @Test
  void aClientIsStandardUntilMadeGoldAndThenAServiceManagerFilesItsRecord() {
    String slug = newClient(tina);
    assertThat(responsibility.candidateGroup("file", slug)).isEqualTo("technicians");
    assertThat(responsibility.assignee("file", slug)).isEqualTo(tina);

    jdbc.sql("update mmc_client set tier = 'gold' where slug = ?").param(slug).update();

    assertThat(responsibility.candidateGroup("file", slug)).isEqualTo("service-managers");
    assertThat(responsibility.assignee("file", slug)).isNull();
    assertThat(responsibility.assignee("execute", slug)).isEqualTo(tina);
    assertThat(responsibility.escalationGroup("file", slug)).isEqualTo("process-owners");
  }

  @Test
  void aTechnicianWhoIsNoUserGetsNothingAndTheGroupKeepsTheTask() {
    String slug = newClient("left-the-firm");

    assertThat(responsibility.assignee("execute", slug)).as("a task for nobody would be seen by nobody").isNull();
    assertThat(responsibility.candidateGroup("execute", slug)).isEqualTo("technicians");
  }

  @Test
  void aTasksGroupAndAssigneeAreOneDecisionWithinAnEngineCommandAndANewCommandDecidesAgain() {
    String slug = newClient(tina);

    String assigneeInTheSameCommand = WithoutAuthorization.call(processEngine, () -> {
      assertThat(responsibility.candidateGroup("file", slug)).isEqualTo("technicians");
      jdbc.sql("update mmc_client set tier = 'gold' where slug = ?").param(slug).update();
      return responsibility.assignee("file", slug);
    });

    assertThat(assigneeInTheSameCommand).as("the decision made for the group").isEqualTo(tina);
    assertThat(WithoutAuthorization.call(processEngine, () -> responsibility.assignee("file", slug))).isNull();
  }

  @Test
  void refusesAnUnknownJobOrClient() {
    assertThatThrownBy(() -> responsibility.candidateGroup("dance", newClient(tom))).hasMessageContaining("no job 'dance'");
    assertThatThrownBy(() -> responsibility.candidateGroup("execute", "nobody")).hasMessageContaining("no contract client 'nobody'");
  }

  @Test
  void eachAnswerIsEvaluatedOncePerTableVersionAndANewVersionDecidesTheNextCall() throws Exception {
    String region = "region-" + System.nanoTime();
    long evaluations = decisionInstances();

    assertThat(responsibility.decide(Job.EXECUTE, "standard", region, "tom").candidateGroup()).isEqualTo("technicians");
    assertThat(responsibility.decide(Job.EXECUTE, "standard", region, "tina").candidateGroup()).isEqualTo("technicians");
    assertThat(decisionInstances()).as("the second identical question is answered without evaluating the table")
        .isEqualTo(evaluations + 1);

    // an analyst moves the standard clients' visits to the service managers and deploys the table
    String table = Files.readString(Path.of("processes/responsibility.dmn"));
    String changed = table.replaceFirst("(<rule id=\"Rule_Execute\">[\\s\\S]*?<outputEntry id=\"Rule_Execute_CandidateGroup\"><text>)\"technicians\"",
        "$1\"service-managers\"");
    assertThat(changed).isNotEqualTo(table);
    deploymentId = repositoryService.createDeployment().addString("responsibility.dmn", changed).deploy().getId();

    assertThat(responsibility.decide(Job.EXECUTE, "standard", region, "tom").candidateGroup()).isEqualTo("service-managers");
    assertThat(decisionInstances()).isEqualTo(evaluations + 2);
  }

  private long decisionInstances() {
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(Responsibility.DECISION_KEY).count();
  }

  /** The expressions the lead puts in the client cycle model, in a user task of a small model. */
  @Test
  void aUserTaskTakesItsGroupAndAssigneeFromTheTableEvenWhenATechnicianWithoutDecisionRightsLeadsThere() {
    String gold = newClient(tina);
    jdbc.sql("update mmc_client set tier = 'gold' where slug = ?").param(gold).update();
    String standard = newClient(tom);
    var model = Bpmn.createExecutableProcess("Process_ResponsibilityWiring").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_ScheduleVisit").camundaCandidateGroups("technicians")
        .userTask("Task_FileRecord")
          .camundaCandidateGroups("${responsibility.candidateGroup('file', clientSlug)}")
          .camundaAssignee("${responsibility.assignee('file', clientSlug)}")
        .endEvent().done();
    deploymentId = repositoryService.createDeployment().addModelInstance("responsibility-wiring.bpmn", model).deploy().getId();
    String goldInstance = runtimeService.startProcessInstanceByKey("Process_ResponsibilityWiring", Map.of("clientSlug", gold)).getId();
    String standardInstance = runtimeService.startProcessInstanceByKey("Process_ResponsibilityWiring", Map.of("clientSlug", standard)).getId();

    identityService.setAuthentication("a-technician", List.of("technicians"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(goldInstance).singleResult().getId());
    taskService.complete(taskService.createTaskQuery().processInstanceId(standardInstance).singleResult().getId());
    identityService.clearAuthentication();

    var goldTask = taskService.createTaskQuery().processInstanceId(goldInstance).singleResult();
    var standardTask = taskService.createTaskQuery().processInstanceId(standardInstance).singleResult();
    assertThat(goldTask.getTaskDefinitionKey()).isEqualTo("Task_FileRecord");
    assertThat(goldTask.getAssignee()).as("gold: a service manager files").isNull();
    assertThat(taskService.createTaskQuery().taskId(goldTask.getId()).taskCandidateGroup("service-managers").count()).isEqualTo(1);
    assertThat(standardTask.getAssignee()).as("standard: the client's technician files").isEqualTo(tom);
    assertThat(taskService.createTaskQuery().taskId(standardTask.getId()).taskCandidateGroup("technicians").includeAssignedTasks().count())
        .as("the group stays candidate").isEqualTo(1);
  }

  private String newClient(String technician) {
    return new AccountabilityFixture(clients, identityService, jdbc).client("Responsibility client", technician, "standard").slug();
  }
}
