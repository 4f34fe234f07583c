package org.mmccycle.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A technician's answers are saved on the server as she works and come back wherever she opens the
 * task: another session (a second device), HTTP Basic (a script); only those who may work on the task
 * read or replace its draft, a change through the web apps' session needs their CSRF token, and the
 * completion removes the draft. Over HTTP, against the running application.
 */
class TaskDraftTest extends MmcSpringBootTest {

  private static final String PASSWORD = "draft-secret-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  private String tina;
  private String tom;
  private String sam;
  private String cycle;
  private String executeTask;

  @BeforeEach
  void cycleWaitingAtExecute() {
    tina = fixture.user("drafttina", MmcGroups.TECHNICIANS, PASSWORD);
    tom = fixture.user("drafttom", MmcGroups.TECHNICIANS, PASSWORD);
    sam = fixture.user("draftsam", MmcGroups.SERVICE_MANAGERS, PASSWORD);
    cycle = fixture.openCycle(fixture.activeClient("Draft Dental"), YearMonth.of(2031, 5)).processInstanceId();
    fixture.scheduleVisit(cycle, sam);
    executeTask = fixture.task(cycle, "Task_ExecuteChecklist").getId();
  }

  @Test
  void thirtyAnswersSavedInOneSessionComeBackInAnotherAndOverBasic() throws Exception {
    List<ChecklistItem> items = fixture.checklistOf(cycle);
    String draft = draftWithAnswers(items, 30);
    ApiClient phone = ApiClient.webappSession(port, tina, PASSWORD);

    ApiClient.Response saved = phone.send("PUT", draftPath(), "application/json", draft);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(JSON.readTree(saved.body()).path("savedAt").asText()).isNotBlank();

    JsonNode laptop = JSON.readTree(ApiClient.webappSession(port, tina, PASSWORD).get(draftPath()).body());
    assertThat(laptop.path("draft").path("answers").size()).isEqualTo(30);
    assertThat(laptop.path("draft")).isEqualTo(JSON.readTree(draft));
    assertThat(laptop.path("savedBy").asText()).isEqualTo(tina);
    JsonNode script = JSON.readTree(ApiClient.basic(port, tina, PASSWORD).get(draftPath()).body());
    assertThat(script.path("draft")).isEqualTo(JSON.readTree(draft));

    // a later save replaces it
    String more = draftWithAnswers(items, 31);
    assertThat(phone.send("PUT", draftPath(), "application/json", more).status()).isEqualTo(200);
    assertThat(JSON.readTree(phone.get(draftPath()).body()).path("draft").path("answers").size()).isEqualTo(31);
  }

  @Test
  void theCompletionRemovesTheDraft() {
    ApiClient.Response saved = ApiClient.basic(port, tina, PASSWORD)
        .send("PUT", draftPath(), "application/json", draftWithAnswers(fixture.checklistOf(cycle), 5));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(drafts()).isEqualTo(1);

    fixture.executeChecklist(cycle, tina);

    assertThat(drafts()).as("the draft of the completed task").isZero();
  }

  @Test
  void aChangeThroughTheSessionWithoutTheCsrfTokenIsRefused() {
    ApiClient session = ApiClient.webappSession(port, tina, PASSWORD);
    ApiClient.Response refused = session.sendWithoutCsrfToken("PUT", draftPath(), "application/json", "{\"answers\":{}}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("CSRF token", "X-XSRF-TOKEN");
    assertThat(drafts()).isZero();
    assertThat(ApiClient.anonymous(port).get(draftPath()).status()).isEqualTo(401);
  }

  @Test
  void aTaskSomeoneElseHoldsIsTheirsAndTheServiceManagers() {
    taskService.claim(executeTask, tina);
    ApiClient.Response tomSaves = ApiClient.basic(port, tom, PASSWORD).send("PUT", draftPath(), "application/json", "{\"answers\":{}}");
    assertThat(tomSaves.status()).isEqualTo(403);
    assertThat(tomSaves.body()).contains("claimed by " + tina);
    assertThat(ApiClient.basic(port, tom, PASSWORD).get(draftPath()).status()).isEqualTo(403);

    assertThat(ApiClient.basic(port, tina, PASSWORD).send("PUT", draftPath(), "application/json", "{\"answers\":{}}").status())
        .isEqualTo(200);
    assertThat(ApiClient.basic(port, sam, PASSWORD).get(draftPath()).status()).isEqualTo(200);
  }

  @Test
  void badDraftsAreRefusedWithAReasonAndKeepTheSavedOne() {
    ApiClient tinaApi = ApiClient.basic(port, tina, PASSWORD);
    assertThat(tinaApi.get(draftPath()).status()).as("nothing entered yet").isEqualTo(404);
    assertThat(tinaApi.send("PUT", draftPath(), "application/json", "{\"answers\":{\"a\":1}}").status()).isEqualTo(200);

    ApiClient.Response notJson = tinaApi.send("PUT", draftPath(), "application/json", "{\"answers\":");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON");
    ApiClient.Response array = tinaApi.send("PUT", draftPath(), "application/json", "[1,2]");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.body()).contains("a draft is a JSON object");
    ApiClient.Response huge = tinaApi.send("PUT", draftPath(), "application/json",
        "{\"note\":\"" + "x".repeat(DraftController.MAX_CHARS) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body()).contains("at most " + DraftController.MAX_CHARS);
    ApiClient.Response unknown = tinaApi.send("PUT", "/api/tasks/no-such-task/draft", "application/json", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no open task no-such-task");

    ApiClient.Response kept = tinaApi.get(draftPath());
    assertThat(kept.body()).contains("\"answers\":{\"a\":1}");
  }

  private String draftPath() {
    return "/api/tasks/" + executeTask + "/draft";
  }

  private int drafts() {
    return jdbc.sql("select count(*) from mmc_task_draft where task_id = ?").param(executeTask).query(Integer.class).single();
  }

  /** The Execute form's draft: the first n items answered (done, issue with a note, n/a in turn). */
  private static String draftWithAnswers(List<ChecklistItem> items, int n) {
    assertThat(items.size()).as("the checklist has enough items").isGreaterThanOrEqualTo(n);
    var answers = JSON.createObjectNode();
    for (int i = 0; i < n; i++) {
      String status = List.of("done", "issue", "na").get(i % 3);
      answers.putObject(items.get(i).id()).put("status", status).put("note", status.equals("issue") ? "toner low – ü \"x\"" : "");
    }
    var draft = JSON.createObjectNode().put("version", 1);
    draft.set("answers", answers);
    draft.put("visitMode", "on-site").put("suggestions", "a new NAS");
    return draft.toString();
  }
}
