package org.mmccycle.notify;

import org.mmccycle.process.FollowUpExpressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.process.ChecklistJson;

/** Follow-ups against a real HTTP server on loopback that fails as told. */
class FollowUpsTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final ChecklistJson checklistJson = new ChecklistJson(mapper);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Integer> answers = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer server;

  private final List<ChecklistItem> executed = List.of(
      new ChecklistItem("srv01/backup-test", "HD-SRV01", "Server", "Backups and restore test", "Restore one file from last night's backup", "done", ""),
      new ChecklistItem("srv01/logs", "HD-SRV01", "Server", "Logs", "Backup log kept and reviewed", "issue", "Log stopped on the 3rd: disk D: full"),
      new ChecklistItem("nas01/rotation", "HD-NAS01", "Storage", "Media rotation", "Backup media rotated", "na", ""),
      new ChecklistItem("prn/toner", "HD-PRN", "Printer", "Consumables", "Toner above 20%", "issue", "Toner at 5%, order placed?"));

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/followups", exchange -> {
      int call = calls.getAndIncrement();
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
          + " content-type=" + exchange.getRequestHeaders().getFirst("Content-Type"));
      int status = call < answers.size() ? answers.get(call) : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private FollowUps followUps(String url, int attempts) {
    return new FollowUps(new FollowUpWebhook(new FollowUpSettings(url, attempts, Duration.ofMillis(50), Duration.ofSeconds(5))), mapper);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/followups";
  }

  @Test
  void listsTheItemsWithAnIssueFromTheExecutedChecklistVariable() {
    var issues = followUps("", 1).issues(checklistJson.fromVariable(checklistJson.toVariable(executed)));

    assertThat(issues).extracting(FollowUps.Issue::itemId).containsExactly("srv01/logs", "prn/toner");
    assertThat(issues.get(0).note()).isEqualTo("Log stopped on the 3rd: disk D: full");
    assertThat(new FollowUpExpressions(followUps("", 1), checklistJson).summary(mapperJson(executed))) // a plain JSON string too
        .contains("Backup log kept and reviewed (Log stopped on the 3rd: disk D: full)\n", "Toner above 20% (Toner at 5%, order placed?)");
  }

  @Test
  void postsTheIssuesAsJsonAndTriesAgainAfterA500() throws Exception {
    answers.addAll(List.of(500, 200));

    int reported = followUps(url(), 3).report("harbour-dental", "Harbour Dental", "2026-11", executed);

    assertThat(reported).isEqualTo(2);
    assertThat(received).hasSize(2);
    assertThat(received.get(1)).endsWith("content-type=application/json");
    JsonNode body = mapper.readTree(received.get(1).substring(0, received.get(1).lastIndexOf(" content-type=")));
    assertThat(body.get("clientSlug").asText()).isEqualTo("harbour-dental");
    assertThat(body.get("cycleMonth").asText()).isEqualTo("2026-11");
    assertThat(body.get("issues")).hasSize(2);
    assertThat(body.get("issues").get(1).get("text").asText()).isEqualTo("Toner above 20%");
  }

  @Test
  void givesUpAfterTheLastAttemptSoThatTheJobBecomesAnIncident() {
    answers.addAll(List.of(500, 503, 502));

    assertThatThrownBy(() -> followUps(url(), 3).report("harbour-dental", "Harbour Dental", "2026-11", executed))
        .isInstanceOf(FollowUpWebhook.WebhookException.class)
        .hasMessageContaining("failed 3 times; last: answered 502");
    assertThat(calls).hasValue(3);
  }

  @Test
  void doesNotRetryARefusal() {
    answers.add(400);

    assertThatThrownBy(() -> followUps(url(), 3).report("harbour-dental", "Harbour Dental", "2026-11", executed))
        .hasMessageContaining("refused the follow-ups: answered 400");
    assertThat(calls).hasValue(1);
  }

  @Test
  void postsNothingWithoutIssuesOrWithoutAWebhook() {
    var allDone = List.of(executed.get(0));

    assertThat(followUps(url(), 3).report("harbour-dental", "Harbour Dental", "2026-11", allDone)).isZero();
    assertThat(followUps("", 3).report("harbour-dental", "Harbour Dental", "2026-11", executed)).isEqualTo(2);
    assertThat(calls).hasValue(0);
  }

  @Test
  void refusesAWebhookThatIsNotHttp() {
    assertThatThrownBy(() -> new FollowUpSettings("file:///etc/passwd", 3, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("must be an http(s) URL");
  }

  private String mapperJson(List<ChecklistItem> items) {
    try {
      return mapper.writeValueAsString(items);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
