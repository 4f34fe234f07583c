package org.mmccycle.resilience;

import org.mmccycle.blackbox.PackagedApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The load run ({@code mvn -Pload verify}, never part of the normal build): the packaged application
 * on loopback (H2 file database, as installed), a month opened for -Dload.clients (default 1,000)
 * clients, then -Dload.users (default 150) concurrent virtual users for {@value #SECONDS} s: each
 * completes its share of the Schedule visit tasks over /engine-rest and otherwise reads what people
 * read (a technician's task list, the calendar, the archive search, clients, a cycle) or save and load
 * a technician's Execute draft of {@value #ITEMS} answers (on {@value #DRAFT_TASKS} tasks kept open), with
 * -Dload.thinkMs (default 5 s) of think time, their first clicks spread over one think time
 * (-Dload.lockstep=true: all at once). Every answer must be a 2xx; p50/p90/p99 are printed and
 * written to target/load-results.txt.
 */
class LoadRun {

  private static final int CLIENTS = Integer.getInteger("load.clients", 1000);
  private static final int USERS = Integer.getInteger("load.users", 150);
  private static final int SECONDS = 60;
  /** A person's pause between two clicks (-Dload.thinkMs=…). */
  private static final int THINK_MS = Integer.getInteger("load.thinkMs", 5000);
  private static final String MONTH = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).plusMonths(1).toString();
  private static final String[] READS = {
      "/engine-rest/task?assignee=tina&sortBy=dueDate&sortOrder=asc&maxResults=15",
      "/api/clients", "/api/calendar/visits?month=" + MONTH, "/api/archive/records?limit=10",
      "/engine-rest/task/count?taskDefinitionKey=Task_ScheduleVisit", "/api/cycles/load-0001/" + MONTH};

  /** Open tasks of tina's on which the users save and load Execute drafts. */
  private static final int DRAFT_TASKS = 30;
  /** A 4-device client's checklist has about this many items. */
  private static final int ITEMS = 112;
  /** The Execute form's draft with every item answered and noted (as the form sends it). */
  private static final String DRAFT = draft();

  /** Measured before the users start; not part of the load's figures ("all", throughput). */
  private static final String IDLE_SAVE = "draft save, before the users (server idle)";

  private final List<String> draftTasks = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final AtomicLong errors = new AtomicLong();
  private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
  private int port;

  @Test
  void shouldServeItsUsersForAMinuteWithoutAnError() throws Exception {
    Path dir = Files.createTempDirectory("mmc-load");
    PackagedApp app = PackagedApp.start(dir, List.of("-Xmx1g"));  // as installed: full JIT, application defaults
    port = app.port();
    try {
      StringBuilder csv = new StringBuilder("client_slug,client_name,contact,site_address,technician,device_name,device_kind\n");
      for (int i = 1; i <= CLIENTS; i++) {
        csv.append(String.format("load-%04d,Load %d,,,%s,SRV01,server%n", i, i, i % 2 == 0 ? "tina" : "tom"));
      }
      assertThat(app.as("sam").send("POST", "/api/import/clients", "text/csv", csv.toString()).status()).isEqualTo(200);
      assertThat(app.as("sam").postJson("/api/cycles/open?month=" + MONTH, "").status()).isEqualTo(202);
      PackagedApp.await(Duration.ofSeconds(180), "the month is open", () -> app.as("demo")
          .get("/engine-rest/history/process-instance/count?processInstanceBusinessKey=round:" + MONTH + "&finished=true").body().contains("1"));
      // each cycle prepares itself in its own job after the round: wait until all wait at Schedule visit
      PackagedApp.await(Duration.ofSeconds(180), "every cycle is prepared", () -> app.as("demo")
          .get("/engine-rest/task/count?taskDefinitionKey=Task_ScheduleVisit&processInstanceBusinessKeyLike=load-%25").body()
          .contains("\"count\":" + CLIENTS));
      var tasks = new ObjectMapper().readTree(app.as("demo")
          .get("/engine-rest/task?taskDefinitionKey=Task_ScheduleVisit&processInstanceBusinessKeyLike=load-%25&maxResults=" + CLIENTS).body());
      // the first DRAFT_TASKS of tina's tasks stay open: technicians save and load their drafts there
      List<Deque<String>> shares = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        shares.add(new ArrayDeque<>());
      }
      int shared = 0;
      for (int t = 0; t < tasks.size(); t++) {
        String id = tasks.get(t).get("id").asText();
        if (draftTasks.size() < DRAFT_TASKS && "tina".equals(tasks.get(t).path("assignee").asText())) {
          draftTasks.add(id);
          assertThat(app.as("tina").send("PUT", "/api/tasks/" + id + "/draft", "application/json", DRAFT).status()).isEqualTo(200);
        } else {
          shares.get(shared++ % USERS).add(id);
        }
      }

      // a technician's draft saves on an otherwise quiet server, one after the other, for comparison
      for (int n = 0; n < 100; n++) {
        call(IDLE_SAVE, "PUT", "/api/tasks/" + draftTasks.get(n % draftTasks.size()) + "/draft", DRAFT, "tina");
      }

      long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
      List<Thread> users = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        Deque<String> share = shares.get(u);
        int offset = u;
        Thread user = new Thread(() -> virtualUser(share, offset, end), "vu-" + u);
        user.start();
        users.add(user);
      }
      for (Thread user : users) {
        user.join();
      }
      report(tasks.size());
    } finally {
      app.stop();
    }
    assertThat(errors.get()).as("errors, first: %s", firstErrors).isZero();
  }

  private static String draft() {
    StringBuilder answers = new StringBuilder();
    for (int i = 1; i <= ITEMS; i++) {
      answers.append(i == 1 ? "" : ",").append(String.format(
          "\"device-%d/item-%d\":{\"status\":\"%s\",\"note\":\"Checked on site, item %d: all as expected\"}",
          i % 4, i, i % 7 == 0 ? "issue" : "done", i));
    }
    return "{\"version\":1,\"answers\":{" + answers + "},\"visitMode\":\"on-site\",\"suggestions\":\"\"}";
  }

  private void virtualUser(Deque<String> tasks, int offset, long end) {
    int i = offset;
    // people do not click in step: the users' first clicks are spread over one think time (all at once,
    // every think time became a burst of all users' completions in the same few milliseconds)
    if (!Boolean.getBoolean("load.lockstep")) {
      try {
        Thread.sleep((long) THINK_MS * offset / USERS);
      } catch (InterruptedException e) {
        return;
      }
    }
    while (System.nanoTime() < end) {
      String task = tasks.poll();
      if (task != null) {
        call("complete", "POST", "/engine-rest/task/" + task + "/complete", "{}", "sam");
      } else {
        int read = i++ % (READS.length + 2);
        if (read == READS.length) {
          call("draft save (" + ITEMS + " answers)", "PUT", "/api/tasks/" + draftTasks.get(i % draftTasks.size()) + "/draft", DRAFT, "tina");
        } else if (read == READS.length + 1) {
          call("draft load", "GET", "/api/tasks/" + draftTasks.get(i % draftTasks.size()) + "/draft", null, "tina");
        } else {
          String path = READS[read];
          call(path.replaceAll("[?].*|/load-.*", ""), "GET", path, null, "tina");
        }
      }
      try {
        Thread.sleep(THINK_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void call(String kind, String method, String path, String body, String user) {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - started) / 1000;
      latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
      if (response.statusCode() / 100 != 2) {
        error(method + " " + path + " -> " + response.statusCode() + " " + response.body());
      }
    } catch (Exception e) {
      error(method + " " + path + " -> " + e);
    }
  }

  private void error(String what) {
    if (errors.incrementAndGet() <= 5) {
      firstErrors.add(what.length() > 300 ? what.substring(0, 300) : what);
    }
  }

  private void report(int tasks) throws Exception {
    List<Long> all = new ArrayList<>();
    StringBuilder out = new StringBuilder(String.format("load: %d users, %d s, think %d ms%s, %d clients, %d Schedule visit tasks; errors %d%n",
        USERS, SECONDS, THINK_MS, Boolean.getBoolean("load.lockstep") ? " (all users in step)" : " (first clicks spread over one think time)",
        CLIENTS, tasks, errors.get()));
    latencies.forEach((kind, list) -> {
      if (!kind.equals(IDLE_SAVE)) {
        all.addAll(list);
      }
      out.append(line(kind, new ArrayList<>(list)));
    });
    out.append(line("all", all));
    out.append(String.format("throughput: %.0f requests/s%n", all.size() / (double) SECONDS));
    System.out.print(out);
    Files.writeString(Path.of("target", "load-results.txt"), out);
  }

  private static String line(String kind, List<Long> micros) {
    Collections.sort(micros);
    return String.format("  %-45s n=%6d  p50=%7.1f ms  p90=%7.1f ms  p99=%7.1f ms  max=%7.1f ms%n", kind, micros.size(),
        pct(micros, 0.50), pct(micros, 0.90), pct(micros, 0.99), micros.isEmpty() ? 0 : micros.get(micros.size() - 1) / 1000.0);
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000.0;
  }
}
