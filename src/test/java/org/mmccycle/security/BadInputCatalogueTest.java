package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed input across our REST API, the imports and task completion over /engine-rest: each is
 * refused with a 4xx and a message (never a stack trace), and no row changes anywhere.
 */
class BadInputCatalogueTest extends MmcSpringBootTest {

  /** Every table a refused request could have written to. */
  private static final List<String> TABLES = List.of("mmc_client", "mmc_device", "mmc_client_cycle", "mmc_visit",
      "mmc_calendar_feed", "mmc_checklist_template", "mmc_checklist_revision", "mmc_checklist_item", "mmc_filed_record",
      "mmc_filed_item", "act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job", "act_hi_procinst",
      "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_re_deployment");

  private static final String MB = "x".repeat(1024 * 1024);
  private static final String CSV_HEADER = "client_slug,client_name,contact,site_address,technician,device_name,device_kind\n";
  private static final String PASSWORD = "bad-input-s3cret";

  /** Users and the two open tasks, made once for the whole catalogue. */
  private static String manager;
  private static String technician;
  private static String scheduleTask;
  private static String executeTask;
  private static String existingSlug;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  /** One malformed request; {@code {schedule}}, {@code {execute}} and {@code {existing}} in the path or body are filled in. */
  record Bad(String what, String as, HttpMethod method, String path, MediaType type, String body) {
    @Override
    public String toString() {
      return what;
    }
  }

  @BeforeEach
  void usersAndOpenTasks() {
    if (manager != null) {
      return;
    }
    manager = fixture.user("badmanager", MmcGroups.SERVICE_MANAGERS, PASSWORD);
    technician = fixture.user("badtech", MmcGroups.TECHNICIANS, PASSWORD);
    var scheduling = fixture.activeClient("Bad Input Scheduling");
    existingSlug = scheduling.slug();
    String cycle = fixture.openCycle(scheduling, YearMonth.of(2031, 4)).processInstanceId();
    scheduleTask = fixture.task(cycle, "Task_ScheduleVisit").getId();
    String executing = fixture.openCycle(fixture.activeClient("Bad Input Executing"), YearMonth.of(2031, 4)).processInstanceId();
    fixture.scheduleVisit(executing, "tina");
    executeTask = fixture.task(executing, "Task_ExecuteChecklist").getId();
  }

  static Stream<Bad> catalogue() {
    return Stream.of(
        // opening a month
        sm("month 13", HttpMethod.POST, "/api/cycles/open?month=2026-13"),
        sm("month with two-digit year", HttpMethod.POST, "/api/cycles/open?month=26-11"),
        sm("month with a day", HttpMethod.POST, "/api/cycles/open?month=2026-11-01"),
        sm("../ as month", HttpMethod.POST, "/api/cycles/open?month=..%2F..%2Fetc"),
        sm("script tag as month", HttpMethod.POST, "/api/cycles/open?month=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        sm("10 kB month", HttpMethod.POST, "/api/cycles/open?month=" + "9".repeat(10_000)),
        sm("cycle of month 00", HttpMethod.GET, "/api/cycles/{existing}/2026-00"),
        tech("technician opens a month", HttpMethod.POST, "/api/cycles/open?month=2031-05", null, null),
        // calendar
        sm("visits without month, client or technician", HttpMethod.GET, "/api/calendar/visits"),
        sm("visits by month and client at once", HttpMethod.GET, "/api/calendar/visits?month=2031-04&client={existing}"),
        sm("visits of February 30th", HttpMethod.GET, "/api/calendar/visits?month=2026-02-30"),
        sm("month view of month 00", HttpMethod.GET, "/api/calendar/month?month=0000-00"),
        sm("month view of a script tag", HttpMethod.GET, "/api/calendar/month?month=%3Cscript%3E"),
        tech("technician asks for another technician's feed", HttpMethod.POST, "/api/calendar/feeds?technician=someoneelse", null, null),
        // clients
        json("../ in a slug", "/api/clients", "{\"slug\":\"../etc\",\"name\":\"A\",\"devices\":[]}"),
        json("script tag as slug", "/api/clients", "{\"slug\":\"<script>\",\"name\":\"A\",\"devices\":[]}"),
        json("1 MB name", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"" + MB + "\",\"devices\":[]}"),
        json("NUL in the name", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"A\\u0000B\",\"devices\":[]}"),
        json("line separator U+2028 in the name", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"A\u2028B\",\"devices\":[]}"),
        json("right-to-left override and bell in the contact", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"A\",\"contact\":\"\u202Egnp.exe\\u0007\",\"devices\":[]}"),
        json("devices not a list", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"A\",\"devices\":42}"),
        json("devices missing", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"A\"}"),
        json("script tag as device kind", "/api/clients", "{\"slug\":\"bad-a\",\"name\":\"A\",\"devices\":[{\"name\":\"X\",\"kind\":\"<script>\"}]}"),
        json("client that exists", "/api/clients", "{\"slug\":\"{existing}\",\"name\":\"A\",\"devices\":[]}"),
        json("JSON array instead of an object", "/api/clients", "[1,2,3]"),
        new Bad("active is a string", "manager", HttpMethod.PATCH, "/api/clients/{existing}", MediaType.APPLICATION_JSON, "{\"active\":\"perhaps\"}"),
        new Bad("patch of an unknown client", "manager", HttpMethod.PATCH, "/api/clients/no-such-client", MediaType.APPLICATION_JSON, "{\"active\":false}"),
        sm("devices of a slug with ../", HttpMethod.GET, "/api/clients/..%2F..%2Fetc/devices"),
        // archive search
        sm("archive from month 13", HttpMethod.GET, "/api/archive/records?from=2026-13"),
        sm("archive limit -1", HttpMethod.GET, "/api/archive/records?limit=-1"),
        sm("archive limit is text", HttpMethod.GET, "/api/archive/records?limit=lots"),
        sm("archive limit beyond the maximum", HttpMethod.GET, "/api/archive/records?limit=100000"),
        sm("archive status unknown", HttpMethod.GET, "/api/archive/records?status=exploded"),
        sm("archive record that does not exist", HttpMethod.GET, "/api/archive/records/999999999/pdf"),
        sm("archive record id is text", HttpMethod.GET, "/api/archive/records/abc/pdf"),
        // client import (CSV)
        csv("CSV with the wrong header", "slug,name\nbad-b,B\n"),
        csv("CSV row with missing fields", CSV_HEADER + "bad-b,B\n"),
        csv("CSV with ../ in a slug", CSV_HEADER + "../b,B,,,tina,SRV01,server\n"),
        csv("CSV with a 1 MB name", CSV_HEADER + "bad-b," + MB + ",,,tina,SRV01,server\n"),
        csv("CSV with a control character in the name", CSV_HEADER + "bad-b,B\u0001C,,,tina,SRV01,server\n"),
        csv("CSV with the same device twice", CSV_HEADER + "bad-b,B,,,tina,SRV01,server\nbad-b,B,,,tina,SRV01,server\n"),
        csv("CSV with a script tag as device kind", CSV_HEADER + "bad-b,B,,,tina,SRV01,<script>\n"),
        csv("CSV of a client that exists", CSV_HEADER + "{existing},B,,,tina,SRV01,server\n"),
        csv("empty CSV", ""),
        // template import
        template("template that is not JSON", MediaType.APPLICATION_JSON, "{\"name\":"),
        template("template without sections", MediaType.APPLICATION_JSON, "{\"name\":\"T\",\"sections\":[]}"),
        template("template with sections of the wrong type", MediaType.APPLICATION_JSON, "{\"name\":\"T\",\"sections\":\"all\"}"),
        template("template item of 1 MB", MediaType.APPLICATION_JSON, templateWith("\"applies\"", "\"" + MB + "\"")),
        template("template item key used twice", MediaType.APPLICATION_JSON,
            "{\"name\":\"T\",\"sections\":[{\"key\":\"s\",\"title\":\"S\",\"appliesTo\":[\"SERVER\"],\"items\":[{\"key\":\"a\",\"text\":\"A\"},{\"key\":\"a\",\"text\":\"B\"}]}]}"),
        template("template section applying to a script tag", MediaType.APPLICATION_JSON,
            "{\"name\":\"T\",\"sections\":[{\"key\":\"s\",\"title\":\"S\",\"appliesTo\":[\"<script>\"],\"items\":[{\"key\":\"a\",\"text\":\"A\"}]}]}"),
        template("template name with a control character", MediaType.APPLICATION_JSON, "{\"name\":\"T\\u001b[31m\",\"sections\":[{\"key\":\"s\",\"title\":\"S\",\"appliesTo\":[\"SERVER\"],\"items\":[{\"key\":\"a\",\"text\":\"A\"}]}]}"),
        template("malformed YAML", MediaType.parseMediaType("application/yaml"), "name: [unclosed\nsections: {"),
        // task completion over /engine-rest
        task("visit date February 30th", "{schedule}", "{\"visitDate\":{\"value\":\"2026-02-30\",\"type\":\"String\"}}"),
        task("visit date ../", "{schedule}", "{\"visitDate\":{\"value\":\"../../etc/passwd\",\"type\":\"String\"}}"),
        task("visit date of 1 MB", "{schedule}", "{\"visitDate\":{\"value\":\"" + MB + "\",\"type\":\"String\"}}"),
        task("visit date script tag", "{schedule}", "{\"visitDate\":{\"value\":\"<script>alert(1)</script>\",\"type\":\"String\"}}"),
        // (completing Schedule visit without variables is no error: it keeps the proposed date)
        task("visit date empty", "{schedule}", "{\"visitDate\":{\"value\":\"\",\"type\":\"String\"}}"),
        task("visit date is a number", "{schedule}", "{\"visitDate\":{\"value\":20260216,\"type\":\"Integer\"}}"),
        task("visit date as a Java-serialized object", "{schedule}",
            "{\"visitDate\":{\"value\":\"rO0ABXQACjIwMjYtMTEtMTY=\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}"),
        task("completing a task that does not exist", "no-such-task", "{}"),
        task("visit mode teleport", "{execute}", "{\"visitMode\":{\"value\":\"teleport\",\"type\":\"String\"}}"),
        task("visit mode missing", "{execute}", "{}"),
        task("visit mode with a NUL", "{execute}", "{\"visitMode\":{\"value\":\"on-site\\u0000\",\"type\":\"String\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void shouldRefuseWithAMessageAndWriteNothing(Bad bad) {
    Map<String, Long> before = rowCounts();

    ResponseEntity<String> response = send(bad);

    assertThat(response.getStatusCode().is4xxClientError()).as("%s answered %s: %s", bad, response.getStatusCode(),
        abbreviate(response.getBody())).isTrue();
    assertThat(response.getBody()).as("a message").isNotBlank();
    assertThat(response.getBody()).as("no stack trace").doesNotContain("\tat ", ".java:", "at org.", "at java.");
    assertThat(rowCounts()).as("rows after %s", bad).isEqualTo(before);
  }

  private ResponseEntity<String> send(Bad bad) {
    String path = fill(bad.path());
    var headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.ALL));
    if (bad.type() != null) {
      headers.setContentType(bad.type());
    }
    String user = bad.as().equals("manager") ? manager : technician;
    return rest.withBasicAuth(user, PASSWORD).exchange(java.net.URI.create(rest.getRootUri() + path), bad.method(),
        new HttpEntity<>(bad.body() == null ? null : fill(bad.body()), headers), String.class);
  }

  private static String fill(String text) {
    return text.replace("{schedule}", scheduleTask).replace("{execute}", executeTask).replace("{existing}", existingSlug);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
    return counts;
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
  }

  private static Bad sm(String what, HttpMethod method, String path) {
    return new Bad(what, "manager", method, path, null, null);
  }

  private static Bad tech(String what, HttpMethod method, String path, MediaType type, String body) {
    return new Bad(what, "technician", method, path, type, body);
  }

  private static Bad json(String what, String path, String body) {
    return new Bad(what, "manager", HttpMethod.POST, path, MediaType.APPLICATION_JSON, body);
  }

  private static Bad csv(String what, String body) {
    return new Bad(what, "manager", HttpMethod.POST, "/api/import/clients", MediaType.parseMediaType("text/csv"), body);
  }

  private static Bad template(String what, MediaType type, String body) {
    return new Bad(what, "manager", HttpMethod.POST, "/api/import/template", type, body);
  }

  private static String templateWith(String key, String text) {
    return "{\"name\":\"T\",\"sections\":[{\"key\":\"s\",\"title\":\"S\",\"appliesTo\":[\"SERVER\"],\"items\":[{\"key\":" + key + ",\"text\":" + text + "}]}]}";
  }

  /** Completes a task as the service manager (who may complete any task) with these variables. */
  private static Bad task(String what, String taskId, String variables) {
    return new Bad(what, "manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", MediaType.APPLICATION_JSON,
        "{\"variables\":" + variables + "}");
  }
}
