package org.mmccycle.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;

/**
 * Issue 17, items 1-6, as its report tried them: the packaged jar in a fresh folder with the demo
 * setup, and every request over HTTP as a client sends it (/engine-rest with HTTP Basic, Tasklist's
 * session on /camunda/api/engine, Camunda Modeler's multipart deploy).
 */
class CycleIntegrityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId FIRM = ZoneId.of("Europe/Berlin");
  private static final YearMonth THIS_MONTH = YearMonth.now(FIRM);
  private static PackagedApp app;

  @BeforeAll
  static void start() throws Exception {
    app = PackagedApp.start(Files.createTempDirectory(Path.of("target"), "integrity-"));
    assertThat(app.as("sam").send("POST", "/api/cycles/open?month=" + THIS_MONTH, null, "").status()).isEqualTo(202);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void aBadOrForgedChecklistIsRefusedNamingTheItemTheTaskStaysOpenAndNothingIsFiled() throws Exception {
    String execute = executeTaskOf("harbour-dental");
    ArrayNode prepared = (ArrayNode) JSON.readTree(JSON.readTree(app.as("tina").get("/engine-rest/task/" + execute
        + "/variables/checklistItems?deserializeValue=false").body()).path("value").asText());

    Map<String, UnaryOperator<ArrayNode>> bad = Map.of(
        "is missing", items -> firstHalf(answered(items, "done")),
        "is not on this cycle's checklist", items -> answered(items, "done").add(JSON.createObjectNode().put("id", "srv/made-up")
            .put("device", "X").put("section", "Y").put("text", "Z").put("status", "done")),
        "status 'bogus' is not one of done, issue, na", items -> answered(items, "bogus"),
        "has no answer", items -> answered(items, null),
        "characters, at most 2000", items -> {
          ArrayNode all = answered(items, "done");
          ((ObjectNode) all.get(0)).put("note", "x".repeat(1024 * 1024));
          return all;
        },
        "has an issue but no note", items -> {
          ArrayNode all = answered(items, "done");
          ((ObjectNode) all.get(0)).put("status", "issue").remove("note");
          return all;
        });
    for (var variant : bad.entrySet()) {
      ApiClient.Response refused = completeExecute(execute, "{\"checklistItems\":{\"type\":\"Json\",\"value\":"
          + JSON.writeValueAsString(JSON.writeValueAsString(variant.getValue().apply(prepared.deepCopy())))
          + "},\"visitMode\":{\"value\":\"on-site\",\"type\":\"String\"}}");
      assertThat(refused.status()).as(variant.getKey()).isEqualTo(400);
      assertThat(refused.body()).as(variant.getKey()).contains(variant.getKey());
    }
    ApiClient.Response plainString = completeExecute(execute, "{\"checklistItems\":{\"value\":\"all fine\",\"type\":\"String\"},"
        + "\"visitMode\":{\"value\":\"on-site\",\"type\":\"String\"}}");
    assertThat(plainString.status()).isEqualTo(400);
    assertThat(plainString.body()).contains("checklistItems: not the list of the checklist's items");

    String good = JSON.writeValueAsString(JSON.writeValueAsString(answered(prepared.deepCopy(), "done")));
    for (String forged : new String[] {"\"clientSlug\":{\"value\":\"kessler-law\",\"type\":\"String\"}",
        "\"clientName\":{\"value\":\"Kessler & Partner Law Office\",\"type\":\"String\"}",
        "\"cycleMonth\":{\"value\":\"2019-05\",\"type\":\"String\"}", "\"executedBy\":{\"value\":\"tom\",\"type\":\"String\"}"}) {
      ApiClient.Response refused = completeExecute(execute, "{\"checklistItems\":{\"type\":\"Json\",\"value\":" + good
          + "},\"visitMode\":{\"value\":\"on-site\",\"type\":\"String\"}," + forged + "}");
      assertThat(refused.status()).as(forged).isEqualTo(400);
      assertThat(refused.body()).as(forged).contains("is not a field of this task");
    }
    ApiClient.Response rewrite = app.as("tina").send("PUT", "/engine-rest/task/" + execute + "/variables/clientSlug", "application/json",
        "{\"value\":\"kessler-law\",\"type\":\"String\"}");
    assertThat(rewrite.status()).isEqualTo(400);

    assertThat(app.as("tina").get("/engine-rest/task/" + execute).status()).as("the task stays open").isEqualTo(200);
    assertThat(app.as("sam").get("/api/archive/records?client=harbour-dental").body()).as("nothing filed").isEqualTo("[]");
    assertThat(app.as("sam").get("/api/archive/records?client=kessler-law").body()).isEqualTo("[]");
    assertThat(app.as("sam").get("/api/calendar/visits?client=kessler-law").body()).doesNotContain("DONE");
  }

  @Test
  void aModelDeployedAloneAsModelerDoesKeepsEveryNewCyclesFormsWorking() throws Exception {
    String model = Files.readString(Path.of("processes", "client-maintenance-cycle.bpmn"))
        .replace("${deadlines.endOfDay(cycleMonth, 20)}", "${deadlines.endOfDay(cycleMonth, 18)}");
    ApiClient.Response deployed = ApiClient.basic(app.port(), "alex", "demo").multipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "executed by the 18th", "deployment-source", "Camunda Modeler", "deploy-changed-only", "true"),
        "client-maintenance-cycle.bpmn", model.getBytes(StandardCharsets.UTF_8));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    YearMonth next = THIS_MONTH.plusMonths(1);
    assertThat(app.as("sam").send("POST", "/api/cycles/open?month=" + next, null, "").status()).isEqualTo(202);

    ApiClient tasklist = ApiClient.webappSession(app.port(), "tina", "demo");
    String schedule = awaitTask("greenfield-builders:" + next, "Task_ScheduleVisit");
    String engine = "/camunda/api/engine/engine/default";
    assertThat(tasklist.get(engine + "/task/" + schedule + "/form").status()).isEqualTo(200);
    ApiClient.Response scheduleForm = tasklist.get(engine + "/task/" + schedule + "/deployed-form");
    assertThat(scheduleForm.status()).as(scheduleForm.body()).isEqualTo(200);
    assertThat(scheduleForm.body()).contains("Form_ScheduleVisit");
    assertThat(tasklist.postJson(engine + "/task/" + schedule + "/claim", "{\"userId\":\"tina\"}").status()).isEqualTo(204);
    ApiClient.Response scheduled = tasklist.postJson(engine + "/task/" + schedule + "/submit-form", "{\"variables\":{}}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(204);

    String execute = awaitTask("greenfield-builders:" + next, "Task_ExecuteChecklist");
    JsonNode form = JSON.readTree(tasklist.get(engine + "/task/" + execute + "/form").body());
    assertThat(form.path("key").asText()).isEqualTo("embedded:/forms/execute-checklist.html");
    ApiClient.Response html = tasklist.get("/forms/execute-checklist.html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("executeChecklistForm");
    assertThat(ApiClient.anonymous(app.port()).get("/forms/execute-checklist.html").status()).as("only for logged-in users").isEqualTo(401);
    JsonNode task = JSON.readTree(app.as("tina").get("/engine-rest/task/" + execute).body());
    assertThat(task.path("due").asText()).as("the analyst's deadline").startsWith(next.atDay(18).toString());
    ArrayNode prepared = (ArrayNode) JSON.readTree(JSON.readTree(tasklist.get(engine + "/task/" + execute
        + "/variables/checklistItems?deserializeValue=false").body()).path("value").asText());
    tasklist.postJson(engine + "/task/" + execute + "/claim", "{\"userId\":\"tina\"}");
    ApiClient.Response executed = tasklist.postJson(engine + "/task/" + execute + "/submit-form", "{\"variables\":{\"checklistItems\":"
        + "{\"type\":\"Json\",\"value\":" + JSON.writeValueAsString(JSON.writeValueAsString(answered(prepared, "done")))
        + "},\"visitMode\":{\"value\":\"on-site\",\"type\":\"String\"}}}");
    assertThat(executed.status()).as(executed.body()).isEqualTo(204);
  }

  @Test
  void aDirectStartMakesNoSecondCycle() throws Exception {
    String key = "harbour-dental:" + THIS_MONTH;
    for (int i = 0; i < 2; i++) {
      ApiClient.Response start = app.as("sam").postJson("/engine-rest/process-definition/key/Process_ClientMaintenanceCycle/start",
          "{\"businessKey\":\"" + key + "\",\"variables\":{\"clientSlug\":{\"value\":\"harbour-dental\",\"type\":\"String\"},"
              + "\"cycleMonth\":{\"value\":\"" + THIS_MONTH + "\",\"type\":\"String\"}}}");
      assertThat(start.status()).as(start.body()).isEqualTo(400);
      assertThat(start.body()).contains("not started directly");
    }
    assertThat(app.as("sam").get("/engine-rest/process-instance/count?businessKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).body())
        .isEqualTo("{\"count\":1}");
  }

  @Test
  void lastMonthOpensAndReachesScheduleVisitAndMonthsFarAwayAreRefused() throws Exception {
    YearMonth last = THIS_MONTH.minusMonths(1);
    assertThat(app.as("sam").send("POST", "/api/cycles/open?month=" + last, null, "").status()).isEqualTo(202);
    String schedule = awaitTask("kessler-law:" + last, "Task_ScheduleVisit");
    String proposed = JSON.readTree(app.as("tom").get("/engine-rest/task/" + schedule + "/variables/proposedVisitDate").body())
        .path("value").asText();
    assertThat(proposed).isGreaterThanOrEqualTo(java.time.LocalDate.now(FIRM).toString());

    for (String far : new String[] {"0001-01", "9999-12", THIS_MONTH.plusMonths(13).toString()}) {
      ApiClient.Response refused = app.as("sam").send("POST", "/api/cycles/open?month=" + far, null, "");
      assertThat(refused.status()).as(far).isEqualTo(400);
      assertThat(refused.body()).contains("too far from now");
    }
  }

  @Test
  void aTypoInTheVisitDateIsRefusedAndTheCalendarFeedKeepsWorking() throws Exception {
    String schedule = awaitTask("kessler-law:" + THIS_MONTH, "Task_ScheduleVisit");
    ApiClient.Response typo = app.as("tom").postJson("/engine-rest/task/" + schedule + "/complete",
        "{\"variables\":{\"visitDate\":{\"value\":\"9999-12-31\",\"type\":\"String\"}}}");
    assertThat(typo.status()).as(typo.body()).isEqualTo(400);
    assertThat(typo.body()).contains("is not near the cycle's month");

    String feed = JSON.readTree(app.as("sam").send("POST", "/api/calendar/feeds", null, "").body()).path("url").asText();
    ApiClient.Response calendar = ApiClient.anonymous(app.port()).get(feed.substring(feed.indexOf("/calendar/")));
    assertThat(calendar.status()).isEqualTo(200);
    assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
  }

  private static ApiClient.Response completeExecute(String task, String variables) {
    return app.as("tina").postJson("/engine-rest/task/" + task + "/complete", "{\"variables\":" + variables + "}");
  }

  /** The client's Execute checklist of this month, with Schedule visit done as its proposal. */
  private static String executeTaskOf(String client) throws Exception {
    String key = client + ":" + THIS_MONTH;
    String schedule = awaitTask(key, "Task_ScheduleVisit");
    assertThat(app.as("tina").postJson("/engine-rest/task/" + schedule + "/complete", "{}").status()).isEqualTo(204);
    return awaitTask(key, "Task_ExecuteChecklist");
  }

  private static String awaitTask(String businessKey, String taskKey) throws Exception {
    String[] id = new String[1];
    PackagedApp.await(Duration.ofSeconds(90), taskKey + " of " + businessKey, () -> {
      try {
        JsonNode tasks = JSON.readTree(app.as("demo").get("/engine-rest/task?processInstanceBusinessKey="
            + URLEncoder.encode(businessKey, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey).body());
        id[0] = tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
        return id[0] != null;
      } catch (Exception e) {
        return false;
      }
    });
    return id[0];
  }

  /** Every item with this status and a note where it needs one. */
  private static ArrayNode answered(ArrayNode items, String status) {
    for (JsonNode item : items) {
      if (status == null) {
        ((ObjectNode) item).remove("status");
      } else {
        ((ObjectNode) item).put("status", status).put("note", "checked");
      }
    }
    return items;
  }

  private static ArrayNode firstHalf(ArrayNode items) {
    ArrayNode half = JSON.createArrayNode();
    for (int i = 0; i < items.size() / 2; i++) {
      half.add(items.get(i));
    }
    return half;
  }
}
