package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ContractClient;
import org.mmccycle.engine.ModelDeployer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The application as it runs: its models deployed, and no API answering without a Camunda user. */
class ApplicationSecurityTest extends MmcSpringBootTest {

  private static final String PASSWORD = "s3cret-for-tests";

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private TaskService taskService;

  @Test
  void shouldDeployEveryModelAndFormAsOneDeployment() throws IOException {
    Deployment latest = repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).get(0);

    List<String> deployed = repositoryService.getDeploymentResourceNames(latest.getId());

    assertThat(deployed).containsExactlyInAnyOrderElementsOf(filesIn("processes", "forms"));
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(latest.getId()).list())
        .extracting(definition -> definition.getKey())
        .containsExactlyInAnyOrder("Process_ClientMaintenanceCycle", "Process_MonthlyMaintenanceRound", "Process_ClientOnboarding",
            "Process_ClientCycleOpening", "Process_OpenMonth");
  }

  @Test
  void shouldRefuseAnonymousCallsToTheEngineRestApi() {
    ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldAnswerACamundaUserOnTheEngineRestApi() {
    String user = user("restuser", MmcGroups.TECHNICIANS);

    ResponseEntity<String> response = rest.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(user, "wrong-password").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldNeverLetAnyoneCreateTheFirstAdministratorOverTheWeb() {
    String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},\"credentials\":{\"password\":\"intruder-password\"}}";
    // as a browser would: fetch a page for the CSRF token and cookies, then post with them
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/admin/default/", String.class);
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    headers.put(org.springframework.http.HttpHeaders.COOKIE, page.getHeaders().getOrEmpty(org.springframework.http.HttpHeaders.SET_COOKIE)
        .stream().map(cookie -> cookie.split(";", 2)[0]).toList());
    assertThat(headers.getFirst("X-XSRF-TOKEN")).as("the web app's CSRF token").isNotBlank();

    ResponseEntity<String> response = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
        new org.springframework.http.HttpEntity<>(user, headers), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getBody()).contains("first-administrator setup is closed");
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void shouldRefuseAnonymousMonthOpening() {
    ResponseEntity<String> response = rest.postForEntity("/api/cycles/open?month=2027-09", null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldForbidATechnicianToOpenAMonth() {
    String technician = user("tech", MmcGroups.TECHNICIANS);

    ResponseEntity<String> response = rest.withBasicAuth(technician, PASSWORD)
        .postForEntity("/api/cycles/open?month=2027-09", null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldOpenTheMonthsCyclesWhenAServiceManagerAsks() throws Exception {
    ContractClient client = fixture.activeClient("Security Test Dental");
    String manager = user("manager", MmcGroups.SERVICE_MANAGERS);
    fixture.clockAt(LocalDateTime.of(2027, 10, 4, 9, 0));

    ResponseEntity<String> response = rest.withBasicAuth(manager, PASSWORD)
        .postForEntity("/api/cycles/open?month=2027-10", null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody()).contains("\"month\":\"2027-10\"");
    String round = roundOf(response.getBody());
    fixture.executeDueJobs(round);
    fixture.executeOpenings();
    assertThat(fixture.cyclesWithBusinessKey(client.slug(), YearMonth.of(2027, 10))).isEqualTo(1);
    ResponseEntity<String> status = rest.withBasicAuth(manager, PASSWORD)
        .getForEntity("/api/cycles/" + client.slug() + "/2027-10", String.class);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);

    // the cycle board's link to a job's open task: to Tasklist with the task, or a 404 that says why
    String schedule = taskService.createTaskQuery().processInstanceBusinessKey(client.slug() + ":2027-10")
        .taskDefinitionKey("Task_ScheduleVisit").singleResult().getId();
    HttpResponse<String> toTask = getWithoutRedirect("/api/cycles/" + client.slug() + "/2027-10/jobs/schedule/task", manager);
    assertThat(toTask.statusCode()).isEqualTo(303);
    assertThat(toTask.headers().firstValue("Location")).hasValue("/camunda/app/tasklist/default/#/?task=" + schedule);
    HttpResponse<String> noTask = getWithoutRedirect("/api/cycles/" + client.slug() + "/2027-10/jobs/publish/task", manager);
    assertThat(noTask.statusCode()).isEqualTo(404);
    assertThat(noTask.body()).contains("Publish checklist of Security Test Dental for 2027-10 has no open task");
    assertThat(getWithoutRedirect("/api/cycles/" + client.slug() + "/2027-10/jobs/polish/task", manager).statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> getWithoutRedirect(String path, String user) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldRejectAMonthThatDoesNotExistWithAMessage() {
    String manager = user("manager", MmcGroups.SERVICE_MANAGERS);

    ResponseEntity<String> response = rest.withBasicAuth(manager, PASSWORD)
        .postForEntity("/api/cycles/open?month=2026-13", null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("2026-13").contains("does not exist");
  }

  @Test
  void shouldRefuseExpressionsInAdHocTaskQueriesIncludingNestedOrQueries() {
    String technician = user("curious", MmcGroups.TECHNICIANS);
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    String nested = "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}";

    String direct = "{\"assigneeExpression\":\"${currentUser()}\"}";
    ResponseEntity<String> byParameter = rest.withBasicAuth(technician, PASSWORD)
        .postForEntity("/engine-rest/task", new org.springframework.http.HttpEntity<>(direct, headers), String.class);
    ResponseEntity<String> byOrQuery = rest.withBasicAuth(technician, PASSWORD)
        .postForEntity("/engine-rest/task", new org.springframework.http.HttpEntity<>(nested, headers), String.class);

    assertThat(byParameter.getStatusCode()).as(byParameter.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(byParameter.getBody()).contains("Expressions");
    assertThat(byOrQuery.getStatusCode()).as(byOrQuery.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(byOrQuery.getBody()).contains("Expressions are not accepted in a task query (in one of its orQueries)");
    ResponseEntity<String> byUrl = rest.withBasicAuth(technician, PASSWORD)
        .getForEntity(URI.create(rest.getRootUri() + "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"), String.class);
    assertThat(byUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> ordinary = rest.withBasicAuth(technician, PASSWORD)
        .postForEntity("/engine-rest/task", new org.springframework.http.HttpEntity<>("{\"orQueries\":[{\"assignee\":\"nobody\"}]}", headers), String.class);
    assertThat(ordinary.getStatusCode()).as("a query without expressions still works").isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRefuseAnonymousCallsForTheEngineNames() {
    assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String user(String prefix, String group) {
    return fixture.user(prefix, group, PASSWORD);
  }

  private static String roundOf(String body) {
    var matcher = java.util.regex.Pattern.compile("\"roundProcessInstanceId\":\"([^\"]+)\"").matcher(body);
    assertThat(matcher.find()).as("round id in %s", body).isTrue();
    return matcher.group(1);
  }

  private static List<String> filesIn(String... folders) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).forEach(names::add);
      }
    }
    assertThat(names).isNotEmpty();
    return names;
  }
}
