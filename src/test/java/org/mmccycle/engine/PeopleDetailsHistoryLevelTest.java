package org.mmccycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.process.ChecklistJson;
import org.mmccycle.process.CycleVariables;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;

class PeopleDetailsHistoryLevelTest extends MmcSpringBootTest {

  @Autowired HistoryService historyService;
  @Autowired ChecklistJson checklistJson;

  @Test
  void theEngineRunsOnTheLevelThatApplicationYamlNames() {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

    assertThat(configuration.getHistoryLevel()).isInstanceOf(PeopleDetailsHistoryLevel.class);
  }

  @Test
  void valuesTheOpeningComputesHaveNoDetailRowsAndValuesAPersonSubmitsHave() {
    var client = fixture.activeClient("Detail Opticians");
    fixture.clockAt(LocalDateTime.of(2031, 5, 2, 8, 0));
    String cycle = fixture.openCycle(client, YearMonth.of(2031, 5)).processInstanceId();

    assertThat(variableNames(cycle)).as("the variables' own history is kept")
        .contains(CycleVariables.PROPOSED_VISIT_DATE, CycleVariables.CLIENT_NAME, CycleVariables.CHECKLIST_REVISION)
        .as("but not a copy of the published checklist the cycle was prepared with")
        .doesNotContain(CycleVariables.CHECKLIST_ITEMS);
    assertThat(details(cycle)).as("no detail rows for what the opening computed").isEmpty();

    Object proposed = processEngine.getRuntimeService().getVariable(cycle, CycleVariables.PROPOSED_VISIT_DATE);
    fixture.completeAs(cycle, "Task_ScheduleVisit", "sam", List.of(MmcGroups.SERVICE_MANAGERS),
        Map.of(CycleVariables.VISIT_DATE, proposed));

    assertThat(details(cycle)).as("the service manager's submitted visit date")
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .contains(CycleVariables.VISIT_DATE);
  }

  @Test
  void theExecutedChecklistIsInHistoryFromTheMomentTheTechnicianSubmitsIt() {
    var client = fixture.activeClient("Submitted Opticians");
    fixture.clockAt(LocalDateTime.of(2031, 6, 2, 8, 0));
    String cycle = fixture.openCycle(client, YearMonth.of(2031, 6)).processInstanceId();
    fixture.scheduleVisit(cycle, "tina");
    assertThat(variableNames(cycle)).doesNotContain(CycleVariables.CHECKLIST_ITEMS);

    fixture.executeChecklist(cycle, "tina", "on-site", true);

    List<ChecklistItem> inHistory = checklistJson.fromVariable(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(cycle).variableName(CycleVariables.CHECKLIST_ITEMS).disableCustomObjectDeserialization()
        .singleResult().getTypedValue());
    assertThat(inHistory).as("the executed checklist, as submitted").isNotEmpty()
        .isEqualTo(fixture.checklistOf(cycle));
    assertThat(inHistory.get(0).status()).isEqualTo(ChecklistItem.ISSUE);
    assertThat(inHistory.subList(1, inHistory.size())).extracting(ChecklistItem::status).containsOnly(ChecklistItem.DONE);
  }

  @Test
  void aDatabaseCreatedWithFullHistoryOpensWithThisLevelAndBackAgain() {
    String url = "jdbc:h2:mem:history-level-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    engine(url, HistoryLevel.HISTORY_LEVEL_FULL.getName()).close();
    ProcessEngine engine = engine(url, PeopleDetailsHistoryLevel.NAME);
    try {
      assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel", "3");
    } finally {
      engine.close();
    }
    engine(url, HistoryLevel.HISTORY_LEVEL_FULL.getName()).close();
  }

  private List<String> variableNames(String processInstanceId) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .map(HistoricVariableInstance::getName).toList();
  }

  private List<HistoricDetail> details(String processInstanceId) {
    return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list();
  }

  private static ProcessEngine engine(String url, String historyLevel) {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(url);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(historyLevel);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("history-level-" + System.nanoTime());
    new HistoryLevelPlugin().preInit(configuration);
    return configuration.buildProcessEngine();
  }
}
