package org.mmccycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an analyst deploys, sent as Camunda Modeler sends it (the one file, multipart, HTTP Basic as an
 * analyst): the product's own models go in as they are and with a changed deadline; what runs code of
 * the deployer's choosing is refused with the element named, as Modeler shows the engine's parse errors.
 */
class ModelDeploymentTest extends MmcSpringBootTest {

  private static final String PASSWORD = "analyst-s3cret";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  private ApiClient analyst;
  private final List<String> deployed = new ArrayList<>();

  @BeforeEach
  void analyst() {
    analyst = ApiClient.basic(port, fixture.user("modeler", MmcGroups.ANALYSTS, PASSWORD), PASSWORD);
  }

  @AfterEach
  void undeploy() {
    deployed.forEach(id -> repository.deleteDeployment(id, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"client-maintenance-cycle.bpmn", "monthly-maintenance-round.bpmn", "client-cycle-opening.bpmn",
      "client-onboarding.bpmn", "responsibility.dmn"})
  void acceptsEachOfTheProductsModelsAsModelerDeploysIt(String model) throws Exception {
    assertDeployed(deploy(model, Files.readString(Path.of("processes", model))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "deadlines.endOfDay(cycleMonth, 20)|deadlines.endOfDay(cycleMonth, 18)",
      "deadlines.endOfDay(cycleMonth, 25)|deadlines.endOfDay(cycleMonth, 23)",
      "deadlines.endOfMonth(cycleMonth)|deadlines.endOfDay(cycleMonth, 28)",
      "deadlines.endOfDay(cycleMonth, 5)|deadlines.endOfDay(cycleMonth, 7)",
      "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P2D</bpmn:timeDuration>|<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P1D</bpmn:timeDuration>",
      "dateTime().plusDays(5).toDate()|dateTime().plusDays(3).toDate()"})
  void acceptsTheCycleWithAChangedDeadline(String before, String after) throws Exception {
    String model = Files.readString(Path.of("processes", "client-maintenance-cycle.bpmn"));
    assertThat(model).contains(before);

    assertDeployed(deploy("client-maintenance-cycle.bpmn", model.replace(before, after)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // what the analyst changes | into | the element the refusal names | the rule's words
      "<bpmn:serviceTask id=\"Task_PlanVisit\" name=\"Propose visit date\" camunda:delegateExpression=\"${planVisitDelegate}\">"
          + "|<bpmn:scriptTask id=\"Task_PlanVisit\" name=\"Propose visit date\" scriptFormat=\"juel\"><bpmn:script>${1}</bpmn:script>"
          + "|Task_PlanVisit|script tasks are not allowed",
      "${planVisitDelegate}|${jdbcClient}|Task_PlanVisit|must name one of the product's beans",
      "${deadlines.endOfDay(cycleMonth, 20)}|${deadlines.toString()}|SubProcess_MonthlyJobs|deadlines has no method toString",
      "${followUps.summary(checklistItems)}|${jdbcClient.sql('select 1').query().singleValue()}|Task_FollowUpIssues|jdbcClient is not a bean",
      "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${executionDeadline}</bpmn:timeDate>"
          + "|<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${dataSource.getConnection().toString()}</bpmn:timeDate>"
          + "|TimerEventDefinition_ExecutionDeadline|dataSource is not a bean"})
  void refusesWhatRunsCodeNamingTheElement(String before, String after, String element, String rule) throws Exception {
    String model = Files.readString(Path.of("processes", "client-maintenance-cycle.bpmn"));
    String changed = model.replace(before, after);
    if (before.startsWith("<bpmn:serviceTask")) {
      changed = changed.replaceFirst("(?s)(<bpmn:scriptTask id=\"Task_PlanVisit\".*?)</bpmn:serviceTask>", "$1</bpmn:scriptTask>");
    }
    assertThat(changed).isNotEqualTo(model);

    ApiClient.Response response = deploy("client-maintenance-cycle.bpmn", changed);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode errors = new ObjectMapper().readTree(response.body()).path("details").path("client-maintenance-cycle.bpmn").path("errors");
    assertThat(errors).as(response.body()).anySatisfy(error -> {
      assertThat(error.path("mainElementId").asText()).isEqualTo(element);
      assertThat(error.path("message").asText()).contains(rule);
      assertThat(error.path("line").asInt()).isPositive();
    });
    assertThat(repository.createDeploymentQuery().deploymentSource("Camunda Modeler").count()).as("nothing deployed").isZero();
  }

  private ApiClient.Response deploy(String file, String content) {
    return analyst.multipart("/engine-rest/deployment/create", Map.of("deployment-name", "analyst change",
        "deployment-source", "Camunda Modeler", "deploy-changed-only", "true"), file, content.getBytes(StandardCharsets.UTF_8));
  }

  private void assertDeployed(ApiClient.Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    deployed.add(new ObjectMapper().readTree(response.body()).path("id").asText());
  }
}
