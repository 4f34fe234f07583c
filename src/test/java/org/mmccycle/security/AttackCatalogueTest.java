package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16: what an attacker tried against the packaged application, sent again over HTTP to the
 * running application — each request as it was sent (the {@code \u0024} escapes, the {@code ;x=y} path
 * parameters, the nested JSON), through every door it was sent to (/engine-rest with HTTP Basic, the
 * web apps' API with a Tasklist session, Camunda Modeler's multipart deploy, our /api) — and answered
 * with the refusal it should get, a message and nothing changed: no group membership, user,
 * authorization, deployment, process instance, task assignment, variable or row of our own.
 *
 * <p>The catalogue with each answer is written to {@code target/security/attack-catalogue.md}.
 */
class AttackCatalogueTest extends MmcSpringBootTest {

  private static final String PASSWORD = "attack-s3cret";

  /** An attack: who sends it, how, and the status that refuses it. */
  record Attack(String area, String what, String as, String method, String path, String contentType, String body, int refusal) {
    @Override
    public String toString() {
      return area + ": " + what;
    }
  }

  /** Users, the open task and ids the catalogue's requests name; made once. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();
  private static final List<String> ANSWERS = new ArrayList<>();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void usersAndAClaimedTask() {
    if (!NAMES.isEmpty()) {
      return;
    }
    NAMES.put("{tina}", fixture.user("atktina", MmcGroups.TECHNICIANS, PASSWORD));
    NAMES.put("{tom}", fixture.user("atktom", MmcGroups.TECHNICIANS, PASSWORD));
    NAMES.put("{sam}", fixture.user("atksam", MmcGroups.SERVICE_MANAGERS, PASSWORD));
    NAMES.put("{alex}", fixture.user("atkalex", MmcGroups.ANALYSTS, PASSWORD));
    NAMES.put("{petra}", fixture.user("atkpetra", MmcGroups.PROCESS_OWNERS, PASSWORD));
    TestUsers.ensure(identity, "atkgroupkeeper", MmcGroups.CAMUNDA_ADMIN); // the group exists only where an administrator does
    NAMES.put("{admin}", fixture.user("atkadmin", MmcGroups.CAMUNDA_ADMIN, PASSWORD));
    String cycle = fixture.openCycle(fixture.activeClient("Attack Target"), YearMonth.of(2032, 3)).processInstanceId();
    String task = fixture.task(cycle, "Task_ScheduleVisit").getId();
    tasks.claim(task, NAMES.get("{tina}"));
    NAMES.put("{task}", task);
    NAMES.put("{cycle}", cycle);
    NAMES.put("{filter}", filters.createFilterQuery().filterName("My tasks").singleResult().getId());
    NAMES.put("{deployment}", repository.createDeploymentQuery().deploymentName("mmc-cycle").orderByDeploymentTime().desc()
        .list().get(0).getId());
  }

  static Stream<Attack> catalogue() {
    List<Attack> attacks = new ArrayList<>();
    String sqlAsTina = "insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values ('{tina}','camunda-admin')";
    // 1. expressions in task queries: the exact request of the report, and every way around a text filter
    String reported = "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0024{jdbcClient.sql(\\\"" + sqlAsTina
        + "\\\").update() == 1 ? 'technicians' : 'x'}\"}]}";
    String evaluable = "{\"orQueries\":[{\"candidateGroupExpression\":\"${'technicians'}\"}]}";
    query(attacks, "the reported request: SQL through jdbcClient in an orQuery, $ written \\u0024", "/engine-rest/task", reported);
    query(attacks, "the same, as a count", "/engine-rest/task/count", reported);
    query(attacks, "literal ${ behind a ;x=y path parameter", "/engine-rest/task;x=y", evaluable);
    query(attacks, "literal ${ to the count behind ;x=y", "/engine-rest/task/count;x=y", evaluable);
    attacks.add(new Attack("query", "path with //", "{tina}", "POST", "//engine-rest//task", "application/json", evaluable, 404));
    attacks.add(new Attack("query", "path with /./", "{tina}", "POST", "/engine-rest/./task", "application/json", evaluable, 404));
    query(attacks, "named engine path", "/engine-rest/engine/default/task", evaluable);
    query(attacks, "named engine count with ;jsessionid", "/engine-rest/engine/default/task/count;jsessionid=x", evaluable);
    query(attacks, "#{ instead of ${", "/engine-rest/task", "{\"orQueries\":[{\"candidateGroupExpression\":\"#{'technicians'}\"}]}");
    query(attacks, "# written \\u0023", "/engine-rest/task", "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0023{'technicians'}\"}]}");
    query(attacks, "{ written \\u007b", "/engine-rest/task", "{\"orQueries\":[{\"candidateGroupExpression\":\"$\\u007b'technicians'}\"}]}");
    for (String field : List.of("assigneeExpression", "assigneeLikeExpression", "ownerExpression", "involvedUserExpression",
        "candidateUserExpression", "processInstanceBusinessKeyExpression", "processInstanceBusinessKeyLikeExpression",
        "dueBeforeExpression", "dueAfterExpression", "followUpBeforeExpression", "createdAfterExpression",
        "candidateGroupsExpression")) {
      query(attacks, field + " in an orQuery", "/engine-rest/task", "{\"orQueries\":[{\"" + field + "\":\"${'x'}\"}]}");
    }
    query(attacks, "a second orQuery carries the expression", "/engine-rest/task",
        "{\"orQueries\":[{\"assignee\":\"x\"},{\"candidateGroupExpression\":\"${'technicians'}\"}]}");
    query(attacks, "top-level expression", "/engine-rest/task", "{\"assigneeExpression\":\"${currentUser()}\"}");
    attacks.add(new Attack("query", "expression as a URL parameter", "{tina}", "GET",
        "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", null, null, 400));
    attacks.add(new Attack("query", "expression in the query added to a stored filter", "{tina}", "POST",
        "/engine-rest/filter/{filter}/list", "application/json", evaluable, 400));
    attacks.add(new Attack("query", "expression in the query added to a stored filter's count", "{tina}", "POST",
        "/engine-rest/filter/{filter}/count", "application/json", evaluable, 400));
    attacks.add(new Attack("query", "a technician creates a filter with SQL", "{tina}", "POST", "/engine-rest/filter/create",
        "application/json", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"candidateGroupExpression\":\"${jdbcClient}\"}}", 403));
    attacks.add(new Attack("query", "through the web apps' API with a Tasklist session", "session:{tina}", "POST",
        "/camunda/api/engine/engine/default/task", "application/json", reported, 400));
    attacks.add(new Attack("query", "count through the web apps' API with a Tasklist session", "session:{tina}", "POST",
        "/camunda/api/engine/engine/default/task/count", "application/json", evaluable, 400));
    attacks.add(new Attack("query", "filter list through the web apps' API", "session:{tina}", "POST",
        "/camunda/api/engine/engine/default/filter/{filter}/list", "application/json", evaluable, 400));

    // 2. what an analyst deploys (multipart, as Camunda Modeler sends it)
    deploy(attacks, "script task in JUEL that runs SQL", "attack-script.bpmn",
        process(start("Flow_1") + "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"juel\"><bpmn:incoming>Flow_1</bpmn:incoming>"
            + "<bpmn:script>${jdbcClient.sql(\"select 1\").query().singleValue()}</bpmn:script></bpmn:scriptTask>"
            + flow("Flow_1", "Start", "Task_Script")));
    deploy(attacks, "script task in JavaScript", "attack-js.bpmn",
        process(start("Flow_1") + "<bpmn:scriptTask id=\"Task_Js\" scriptFormat=\"javascript\"><bpmn:incoming>Flow_1</bpmn:incoming>"
            + "<bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>" + flow("Flow_1", "Start", "Task_Js")));
    deploy(attacks, "timer start date evaluated during the deploy request, with SQL", "attack-timer.bpmn",
        process("<bpmn:startEvent id=\"Start_Timer\"><bpmn:timerEventDefinition id=\"Timer_Sql\"><bpmn:timeDate>"
            + "${jdbcClient.sql(\"select 1\").query().singleValue() == 1 ? '2099-01-01T00:00:00' : 'x'}"
            + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>"));
    deploy(attacks, "a start timer every second", "attack-every-second.bpmn",
        process("<bpmn:startEvent id=\"Start_Often\"><bpmn:timerEventDefinition id=\"Timer_Often\"><bpmn:timeCycle>R/PT1S"
            + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"));
    deploy(attacks, "a cron timer every second", "attack-cron.bpmn",
        process("<bpmn:startEvent id=\"Start_Cron\"><bpmn:timerEventDefinition id=\"Timer_Cron\"><bpmn:timeCycle>* * * * * ?"
            + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"));
    deploy(attacks, "a bean outside the list as delegate", "attack-bean.bpmn", serviceTask("camunda:delegateExpression=\"${jdbcClient}\""));
    deploy(attacks, "a listed bean's method outside the list", "attack-method.bpmn", serviceTask("camunda:expression=\"${deadlines.toString()}\""));
    deploy(attacks, "the engine's services through the execution", "attack-execution.bpmn", serviceTask(
        "camunda:expression=\"${execution.getProcessEngineServices().getIdentityService().createMembership('{alex}','camunda-admin')}\""));
    deploy(attacks, "a property read (a getter) on the execution", "attack-property.bpmn",
        serviceTask("camunda:expression=\"${execution.processEngineServices}\""));
    deploy(attacks, "a bracket read on the execution", "attack-bracket.bpmn",
        serviceTask("camunda:expression=\"${execution['processEngineServices']}\""));
    deploy(attacks, "getClass() on a variable", "attack-class.bpmn",
        serviceTask("camunda:expression=\"${clientSlug.getClass().forName('java.lang.Runtime')}\""));
    deploy(attacks, "a Java class as delegate", "attack-class-delegate.bpmn", serviceTask("camunda:class=\"java.lang.Object\""));
    deploy(attacks, "an external task", "attack-external.bpmn", serviceTask("camunda:type=\"external\" camunda:topic=\"x\""));
    deploy(attacks, "a script condition", "attack-condition.bpmn", process(start("Flow_1")
        + "<bpmn:endEvent id=\"End\"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"End\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">"
        + "true</bpmn:conditionExpression></bpmn:sequenceFlow>"));
    deploy(attacks, "a script execution listener", "attack-listener.bpmn", process(
        "<bpmn:startEvent id=\"Start\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:executionListener></bpmn:extensionElements>"
            + "</bpmn:startEvent>"));
    deploy(attacks, "a script input parameter", "attack-io.bpmn", serviceTaskWith("camunda:delegateExpression=\"${planVisitDelegate}\"",
        "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"javascript\">1</camunda:script>"
            + "</camunda:inputParameter></camunda:inputOutput>"));
    deploy(attacks, "a user task assigned by SQL", "attack-assignee.bpmn", process(start("Flow_1")
        + "<bpmn:userTask id=\"Task_User\" camunda:assignee=\"${jdbcClient.sql('select 1').query().singleValue()}\">"
        + "<bpmn:incoming>Flow_1</bpmn:incoming></bpmn:userTask>" + flow("Flow_1", "Start", "Task_User")));
    deploy(attacks, "an HTML form (script in every user's browser)", "attack-form.html",
        "<form><script cam-script>alert(document.cookie)</script></form>");
    deploy(attacks, "a JavaScript resource", "attack.js", "java.lang.Runtime.getRuntime()");
    deploy(attacks, "a CMMN case", "attack.cmmn", "<definitions/>");
    deploy(attacks, "a DMN table in JavaScript", "attack-js.dmn", decision("javascript", "java.lang.System.exit(1)"));
    deploy(attacks, "a DMN table in JUEL with SQL", "attack-juel.dmn", decision("juel", "jdbcClient.sql('select 1').query().singleValue()"));
    deploy(attacks, "a DMN table with a FEEL external Java function", "attack-feel.dmn", decision(null,
        "function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}"));
    attacks.add(new Attack("deploy", "an analyst deletes the application's deployment with its cycles", "{alex}", "DELETE",
        "/engine-rest/deployment/{deployment}?cascade=true", null, null, 403));
    attacks.add(new Attack("deploy", "an analyst deletes a running cycle", "{alex}", "DELETE",
        "/engine-rest/process-instance/{cycle}", null, null, 403));
    attacks.add(new Attack("deploy", "a technician deploys", "{tina}", "MULTIPART", "/engine-rest/deployment/create",
        "attack-tech.bpmn", process("<bpmn:startEvent id=\"Start\"/>"), 403));

    // 3. rights: claims, memberships, authorizations
    attacks.add(new Attack("rights", "tom takes the task tina claimed", "{tom}", "POST", "/engine-rest/task/{task}/assignee",
        "application/json", "{\"userId\":\"{tom}\"}", 403));
    attacks.add(new Attack("rights", "tom completes the task tina claimed", "{tom}", "POST", "/engine-rest/task/{task}/complete",
        "application/json", "{}", 403));
    attacks.add(new Attack("rights", "tom submits the form of the task tina claimed", "{tom}", "POST", "/engine-rest/task/{task}/submit-form",
        "application/json", "{}", 403));
    attacks.add(new Attack("rights", "tom claims the task tina claimed", "{tom}", "POST", "/engine-rest/task/{task}/claim",
        "application/json", "{\"userId\":\"{tom}\"}", 409));
    attacks.add(new Attack("rights", "tom unclaims tina's task", "{tom}", "POST", "/engine-rest/task/{task}/unclaim", null, null, 403));
    attacks.add(new Attack("rights", "tom delegates tina's task to himself", "{tom}", "POST", "/engine-rest/task/{task}/delegate",
        "application/json", "{\"userId\":\"{tom}\"}", 403));
    attacks.add(new Attack("rights", "tom rewrites tina's task with PUT", "{tom}", "PUT", "/engine-rest/task/{task}",
        "application/json", "{\"name\":\"Schedule visit\",\"assignee\":\"{tom}\"}", 403));
    attacks.add(new Attack("rights", "tom completes it through the web apps' API", "session:{tom}", "POST",
        "/camunda/api/engine/engine/default/task/{task}/complete", "application/json", "{}", 403));
    attacks.add(new Attack("rights", "a technician adds herself to camunda-admin", "{tina}", "PUT",
        "/engine-rest/group/camunda-admin/members/{tina}", null, null, 403));
    attacks.add(new Attack("rights", "a technician grants herself everything", "{tina}", "POST", "/engine-rest/authorization/create",
        "application/json", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{tina}\",\"resourceType\":4,\"resourceId\":\"*\"}", 403));
    attacks.add(new Attack("rights", "a technician creates a user", "{tina}", "POST", "/engine-rest/user/create", "application/json",
        "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\"},\"credentials\":{\"password\":\"mallory-secret1\"}}", 403));
    attacks.add(new Attack("rights", "a technician changes sam's password", "{tina}", "PUT", "/engine-rest/user/{sam}/credentials",
        "application/json", "{\"password\":\"hijacked-secret1\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}", 404));
    attacks.add(new Attack("rights", "a technician deletes a cycle", "{tina}", "DELETE", "/engine-rest/process-instance/{cycle}",
        null, null, 403));
    attacks.add(new Attack("rights", "a technician reads every definition's instance counts", "{tina}", "GET",
        "/engine-rest/process-definition/statistics", null, null, 403));
    attacks.add(new Attack("rights", "a technician reads a model's activity counts", "{tina}", "GET",
        "/engine-rest/process-definition/key/Process_ClientMaintenanceCycle/statistics", null, null, 403));
    attacks.add(new Attack("rights", "a process owner reads them, as Cockpit does (allowed)", "{petra}", "GET",
        "/engine-rest/process-definition/statistics", null, null, 200));
    attacks.add(new Attack("rights", "a process owner completes a task", "{petra}", "POST", "/engine-rest/task/{task}/complete",
        "application/json", "{}", 403));
    attacks.add(new Attack("rights", "an analyst starts a cycle", "{alex}", "POST",
        "/engine-rest/process-definition/key/Process_ClientMaintenanceCycle/start", "application/json", "{}", 403));
    attacks.add(new Attack("rights", "anonymous reads tasks", null, "GET", "/engine-rest/task", null, null, 401));
    attacks.add(new Attack("rights", "anonymous reads the engine names", null, "GET", "/engine-rest/engine", null, null, 401));
    attacks.add(new Attack("rights", "anonymous creates the first administrator", null, "POST",
        "/camunda/api/admin/setup/default/user/create", "application/json",
        "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\"},\"credentials\":{\"password\":\"mallory-secret1\"}}", 403));

    // 4. which Java class the engine builds
    String url = "\"type\":\"Object\",\"value\":\"\\\"http://127.0.0.1:9/atk\\\"\",\"valueInfo\":{\"objectTypeName\":\"java.net.URL\","
        + "\"serializationDataFormat\":\"application/json\"}";
    attacks.add(new Attack("types", "the reported gadget: a java.net.URL task variable", "{tina}", "PUT",
        "/engine-rest/task/{task}/localVariables/gadget", "application/json", "{" + url + "}", 400));
    attacks.add(new Attack("types", "the gadget among the variables of a task update", "{tina}", "POST",
        "/engine-rest/task/{task}/variables", "application/json", "{\"modifications\":{\"gadget\":{" + url + "}}}", 400));
    attacks.add(new Attack("types", "the gadget among the variables of a completion", "{tina}", "POST",
        "/engine-rest/task/{task}/complete", "application/json", "{\"variables\":{\"gadget\":{" + url + "}}}", 400));
    attacks.add(new Attack("types", "a list of URLs", "{tina}", "PUT", "/engine-rest/task/{task}/localVariables/gadget",
        "application/json", "{\"type\":\"Object\",\"value\":\"[]\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList<java.net.URL>\","
        + "\"serializationDataFormat\":\"application/json\"}}", 400));
    attacks.add(new Attack("types", "a ProcessBuilder", "{tina}", "PUT", "/engine-rest/task/{task}/localVariables/gadget",
        "application/json", "{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":\"java.lang.ProcessBuilder\","
        + "\"serializationDataFormat\":\"application/json\"}}", 400));
    attacks.add(new Attack("types", "a Spring bean class", "{tina}", "PUT", "/engine-rest/task/{task}/localVariables/gadget",
        "application/json", "{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":"
        + "\"org.springframework.jdbc.datasource.DriverManagerDataSource\",\"serializationDataFormat\":\"application/json\"}}", 400));
    attacks.add(new Attack("types", "Java serialization", "{tina}", "PUT", "/engine-rest/task/{task}/localVariables/gadget",
        "application/json", "{\"type\":\"Object\",\"value\":\"rO0ABXQAAXg=\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}", 400));
    attacks.add(new Attack("types", "an Object without its type name", "{tina}", "PUT", "/engine-rest/task/{task}/localVariables/gadget",
        "application/json", "{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"serializationDataFormat\":\"application/json\"}}", 400));

    // 5. bad input answered 500 with internals before
    attacks.add(new Attack("input", "broken percent-encoding, anonymous", null, "RAW-GET", "/engine-rest/task?name=%zz", null, null, 400));
    attacks.add(new Attack("input", "broken percent-encoding", "{tina}", "RAW-GET", "/engine-rest/task?name=%zz", null, null, 400));
    attacks.add(new Attack("input", "JSON nested 5,000 deep", "{tina}", "POST", "/engine-rest/task", "application/json",
        "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), 400));
    attacks.add(new Attack("input", "maxResults=-5", "{tina}", "GET", "/engine-rest/task?maxResults=-5", null, null, 400));
    attacks.add(new Attack("input", "firstResult=-1", "{tina}", "GET", "/engine-rest/process-definition?firstResult=-1", null, null, 400));
    attacks.add(new Attack("input", "an object value in processVariables", "{tina}", "POST", "/engine-rest/task", "application/json",
        "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}", 400));
    attacks.add(new Attack("input", "an Xml variable", "{tina}", "PUT", "/engine-rest/task/{task}/localVariables/x",
        "application/json", "{\"type\":\"Xml\",\"value\":\"<a/>\"}", 400));
    attacks.add(new Attack("input", "user/create with a space in the id", "{admin}", "POST", "/engine-rest/user/create",
        "application/json", "{\"profile\":{\"id\":\"a b\",\"firstName\":\"A\",\"lastName\":\"B\"},\"credentials\":{\"password\":\"secret123456\"}}", 400));
    attacks.add(new Attack("input", "a feed for a 300-character technician", "{sam}", "POST",
        "/api/calendar/feeds?technician=" + "x".repeat(300), null, null, 400));
    attacks.add(new Attack("input", "a feed for a technician who is no user", "{sam}", "POST", "/api/calendar/feeds?technician=nobody",
        null, null, 400));
    attacks.add(new Attack("input", "an unreadable Accept header on the compliance report", "{sam}", "GET-ACCEPT:x/;;;",
        "/api/reports/compliance?month=2026-11", null, null, 400));
    attacks.add(new Attack("input", "a client name with a right-to-left override", "{sam}", "POST", "/api/clients", "application/json",
        "{\"slug\":\"atk-bidi\",\"name\":\"Harbour \u202Efdp.exe\",\"devices\":[]}", 400));
    attacks.add(new Attack("input", "a client whose technician is no user", "{sam}", "POST", "/api/clients", "application/json",
        "{\"slug\":\"atk-ghost\",\"name\":\"Ghost\",\"technician\":\"nobody\",\"devices\":[]}", 400));
    attacks.add(new Attack("input", "a client whose technician is an analyst", "{sam}", "POST", "/api/clients", "application/json",
        "{\"slug\":\"atk-analyst\",\"name\":\"Analysed\",\"technician\":\"{alex}\",\"devices\":[]}", 400));
    attacks.add(new Attack("input", "a Latin-1 CSV declared UTF-8", "{sam}", "POST-LATIN1", "/api/import/clients",
        "text/csv; charset=UTF-8", "client_slug,client_name,contact,site_address,technician,device_name,device_kind\n"
        + "atk-muehle,M\u00fchlenb\u00e4ckerei,,,{tina},SRV01,server\n", 400));
    return attacks.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void shouldRefuseTheAttackAndChangeNothing(Attack attack) {
    Map<String, Object> before = state();

    ApiClient.Response response = send(attack);

    ANSWERS.add("| " + attack.area() + " | " + attack.what() + " | " + response.status() + " | "
        + message(response.body()).replace("|", "\\|") + " |");
    assertThat(response.status()).as("%s answered %s", attack, response.body()).isEqualTo(attack.refusal());
    if (attack.refusal() != 200) {
      assertThat(response.body()).as("a message").isNotBlank();
    }
    assertThat(response.body()).as("no stack trace").doesNotContain("\tat ", ".java:", "at org.", "at java.");
    assertThat(state()).as("what %s changed", attack).isEqualTo(before);
  }

  @AfterAll
  static void writeTheCatalogue() throws IOException {
    Path file = Path.of("target", "security", "attack-catalogue.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "| area | attack | answer | message |\n| --- | --- | --- | --- |\n" + String.join("\n", ANSWERS) + "\n",
        StandardCharsets.UTF_8);
  }

  private ApiClient.Response send(Attack attack) {
    String path = fill(attack.path());
    String body = attack.body() == null ? "" : fill(attack.body());
    ApiClient client = client(attack.as());
    return switch (attack.method()) {
      case "MULTIPART" -> client.multipart(path, Map.of("deployment-name", "attack", "deployment-source", "Camunda Modeler",
          "deploy-changed-only", "true"), attack.contentType(), body.getBytes(StandardCharsets.UTF_8));
      case "GET-ACCEPT:x/;;;" -> client.send("GET", path, null, "", "x/;;;");
      case "RAW-GET" -> client.rawGet(path);
      case "POST-LATIN1" -> client.sendBytes("POST", path, attack.contentType(), body.getBytes(StandardCharsets.ISO_8859_1));
      case "GET", "DELETE" -> client.send(attack.method(), path, null, "");
      default -> client.send(attack.method(), path, attack.contentType(), body);
    };
  }

  private ApiClient client(String as) {
    if (as == null) {
      return ApiClient.anonymous(port);
    }
    if (as.startsWith("session:")) {
      return ApiClient.webappSession(port, fill(as.substring("session:".length())), PASSWORD);
    }
    return ApiClient.basic(port, fill(as), PASSWORD);
  }

  private static String fill(String text) {
    String filled = text;
    for (var name : NAMES.entrySet()) {
      filled = filled.replace(name.getKey(), name.getValue());
    }
    return filled;
  }

  /** What an attack could have changed: who is in which group, who may do what, what is deployed and running. */
  private Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("memberships", jdbc.sql("select USER_ID_ || ':' || GROUP_ID_ from ACT_ID_MEMBERSHIP order by 1").query(String.class).list());
    state.put("users", jdbc.sql("select ID_ || ':' || PWD_ from ACT_ID_USER order by 1").query(String.class).list());
    state.put("authorizations", jdbc.sql("select count(*), sum(PERMS_) from ACT_RU_AUTHORIZATION").query().listOfRows());
    state.put("assignees", jdbc.sql("select ID_ || ':' || coalesce(ASSIGNEE_, '-') || ':' || coalesce(OWNER_, '-') from ACT_RU_TASK order by 1")
        .query(String.class).list());
    for (String table : List.of("ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_RE_DECISION_DEF", "ACT_RU_EXECUTION", "ACT_RU_TASK",
        "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_FILTER", "mmc_client", "mmc_device", "mmc_calendar_feed", "mmc_client_cycle")) {
      state.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return state;
  }

  /** The answer's message (Camunda's "message", a problem's "detail"), on one line. */
  private static String message(String body) {
    String text = body == null ? "" : body;
    try {
      var json = new ObjectMapper().readTree(body);
      text = json.has("message") ? json.get("message").asText() : json.has("detail") ? json.get("detail").asText() : text;
    } catch (IOException | RuntimeException notJson) {
      // the body as it is
    }
    String oneLine = text.replaceAll("\\s+", " ").replaceAll(" \\| resource [^*]*", "");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  // ---- the requests' parts -------------------------------------------------------------------

  private static void query(List<Attack> attacks, String what, String path, String body) {
    attacks.add(new Attack("query", what, "{tina}", "POST", path, "application/json", body, 400));
  }

  private static void deploy(List<Attack> attacks, String what, String file, String content) {
    attacks.add(new Attack("deploy", what, "{alex}", "MULTIPART", "/engine-rest/deployment/create", file, content, 400));
  }

  private static String process(String elements) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "id=\"Definitions_Attack\" targetNamespace=\"http://attack\">"
        + "<bpmn:process id=\"Process_Attack\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">" + elements
        + "</bpmn:process></bpmn:definitions>";
  }

  private static String start(String outgoing) {
    return "<bpmn:startEvent id=\"Start\"><bpmn:outgoing>" + outgoing + "</bpmn:outgoing></bpmn:startEvent>";
  }

  private static String flow(String id, String from, String to) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }

  private static String serviceTask(String attributes) {
    return serviceTaskWith(attributes, "");
  }

  private static String serviceTaskWith(String attributes, String extensions) {
    return process(start("Flow_1") + "<bpmn:serviceTask id=\"Task_Service\" " + attributes + ">"
        + (extensions.isEmpty() ? "" : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>")
        + "<bpmn:incoming>Flow_1</bpmn:incoming></bpmn:serviceTask>" + flow("Flow_1", "Start", "Task_Service"));
  }

  private static String decision(String language, String inputExpression) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
        + "id=\"Definitions_Attack\" name=\"Attack\" namespace=\"http://attack\"><decision id=\"Decision_Attack\" name=\"Attack\">"
        + "<decisionTable id=\"Table_Attack\"><input id=\"Input_1\"><inputExpression id=\"Expression_1\" typeRef=\"string\""
        + (language == null ? "" : " expressionLanguage=\"" + language + "\"") + "><text>" + inputExpression.replace("<", "&lt;")
        + "</text></inputExpression></input><output id=\"Output_1\" name=\"out\" typeRef=\"string\"/>"
        + "<rule id=\"Rule_1\"><inputEntry id=\"Entry_1\"><text>-</text></inputEntry><outputEntry id=\"Out_1\"><text>\"x\"</text>"
        + "</outputEntry></rule></decisionTable></decision></definitions>";
  }
}
