package org.mmccycle.client;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.camunda.bpm.engine.IdentityService;
import org.mmccycle.ApiClient;
import org.mmccycle.checklist.ChecklistRevisionRepository;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The client and checklist API over real HTTP with Basic auth: what it accepts, what it refuses and that refusals write nothing. */
class ClientApiTest extends MmcSpringBootTest {

  private static final String GOOD = """
      {"slug":"api-good","name":"Good Client","devices":[{"name":"SRV01","kind":"server"}]}""";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ClientRepository clients;
  @Autowired ChecklistRevisionRepository revisions;

  private ApiClient manager;
  private ApiClient technician;

  @BeforeEach
  void users() {
    manager = ApiClient.as(identity, port, "apisam", MmcGroups.SERVICE_MANAGERS);
    technician = ApiClient.as(identity, port, "apitina", MmcGroups.TECHNICIANS);
    if (!clients.exists("api-existing")) {
      assertThat(manager.postJson("/api/clients", """
          {"slug":"api-existing","name":"Existing","devices":[{"name":"SRV01","kind":"server"}]}""").status()).isEqualTo(201);
    }
  }

  private long[] rows() {
    return new long[] {clients.count(), clients.countDevices(), revisions.countRevisions(), revisions.countItems()};
  }

  static Stream<Arguments> badInputs() {
    String huge = "x".repeat(1024 * 1024);
    return Stream.of(
        Arguments.of("missing name", "POST", "/api/clients", "{\"slug\":\"api-a\",\"devices\":[]}", "name"),
        Arguments.of("missing slug", "POST", "/api/clients", "{\"name\":\"A\",\"devices\":[]}", "slug"),
        Arguments.of("missing devices", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\"}", "devices"),
        Arguments.of("../ in the slug", "POST", "/api/clients", "{\"slug\":\"../etc\",\"name\":\"A\",\"devices\":[]}", "slug"),
        Arguments.of("upper-case slug", "POST", "/api/clients", "{\"slug\":\"Api-A\",\"name\":\"A\",\"devices\":[]}", "slug"),
        Arguments.of("slug of 65 characters", "POST", "/api/clients", "{\"slug\":\"" + "a".repeat(65) + "\",\"name\":\"A\",\"devices\":[]}", "slug"),
        Arguments.of("1 MB name", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"" + huge + "\",\"devices\":[]}", "name"),
        Arguments.of("control character in the name", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\\u0007B\",\"devices\":[]}", "control characters"),
        Arguments.of("newline in the name", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\\nB\",\"devices\":[]}", "control characters"),
        Arguments.of("devices not a list", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\",\"devices\":\"SRV01\"}", "devices"),
        Arguments.of("unknown device kind", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\",\"devices\":[{\"name\":\"X\",\"kind\":\"toaster\"}]}", "unknown device kind"),
        Arguments.of("device without a name", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\",\"devices\":[{\"kind\":\"server\"}]}", "devices[0].name"),
        Arguments.of("same device twice", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\",\"devices\":[{\"name\":\"X\",\"kind\":\"server\"},{\"name\":\"X\",\"kind\":\"printer\"}]}", "listed twice"),
        Arguments.of("bad visit preference", "POST", "/api/clients", "{\"slug\":\"api-a\",\"name\":\"A\",\"devices\":[],\"visitPreference\":\"9 FUNDAY\"}", "visit preference"),
        Arguments.of("unreadable JSON", "POST", "/api/clients", "{\"slug\":", "not valid JSON"),
        Arguments.of("empty body", "POST", "/api/clients", "", "missing"),
        Arguments.of("active not a boolean", "PATCH", "/api/clients/api-existing", "{\"active\":\"perhaps\"}", "active"),
        Arguments.of("active missing", "PATCH", "/api/clients/api-existing", "{}", "active"),
        Arguments.of("revision without a base", "POST", "/api/clients/api-existing/checklist/revisions", "{\"items\":[],\"changeNote\":\"x\"}", "baseRevision"),
        Arguments.of("base revision is text", "POST", "/api/clients/api-existing/checklist/revisions", "{\"baseRevision\":\"one\",\"items\":[]}", "baseRevision"),
        Arguments.of("item with 1 MB text", "POST", "/api/clients/api-existing/checklist/revisions",
            "{\"baseRevision\":1,\"changeNote\":\"x\",\"items\":[{\"device\":\"SRV01\",\"section\":\"S\",\"text\":\"" + huge + "\"}]}", "items[0].text"),
        Arguments.of("unknown frequency", "POST", "/api/clients/api-existing/checklist/revisions",
            "{\"baseRevision\":1,\"changeNote\":\"x\",\"items\":[{\"device\":\"SRV01\",\"section\":\"S\",\"text\":\"T\",\"frequency\":\"WEEKLY\"}]}", "frequency"),
        Arguments.of("quarterly months not three apart", "POST", "/api/clients/api-existing/checklist/revisions",
            "{\"baseRevision\":1,\"changeNote\":\"x\",\"items\":[{\"device\":\"SRV01\",\"section\":\"S\",\"text\":\"T\",\"frequency\":\"QUARTERLY\",\"dueMonths\":[1,2,3,4]}]}", "every three months"),
        Arguments.of("change without a note", "POST", "/api/clients/api-existing/checklist/revisions",
            "{\"baseRevision\":1,\"items\":[{\"device\":\"SRV01\",\"section\":\"S\",\"text\":\"T\"}]}", "changeNote is required"),
        Arguments.of("control character in the change note", "POST", "/api/clients/api-existing/checklist/revisions",
            "{\"baseRevision\":1,\"changeNote\":\"a\\u0000b\",\"items\":[{\"device\":\"SRV01\",\"section\":\"S\",\"text\":\"T\"}]}", "control characters"),
        Arguments.of("bad slug in the path", "GET", "/api/clients/Bad_Slug/checklist", null, "slug"),
        Arguments.of("revision number is text", "GET", "/api/clients/api-existing/checklist/revisions/two", null, "number"),
        Arguments.of("bad CSV row", "POST", "/api/import/clients", "client_slug,client_name,contact,site_address,technician,device_name,device_kind\napi-csv,C,,,t,D,toaster\n", "line 2"),
        Arguments.of("bad template", "POST", "/api/import/template", "{\"name\":\"T\",\"sections\":[]}", "no sections"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void refusesBadInputWith400AndAMessageAndWritesNothing(String what, String method, String path, String body, String message) {
    long[] before = rows();
    String contentType = path.startsWith("/api/import/clients") ? "text/csv" : "application/json";

    ApiClient.Response response = "GET".equals(method) ? manager.get(path) : manager.send(method, path, contentType, body);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"detail\"").contains(message);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(rows()).isEqualTo(before);
    assertThat(clients.exists("api-a")).isFalse();
  }

  @Test
  void givesAMessagePerFieldForAnInvalidBody() {
    var response = manager.postJson("/api/clients", "{\"slug\":\"../x\",\"name\":\"\",\"devices\":[]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("\"errors\"").contains("\"slug\":").contains("\"name\":");
  }

  @Test
  void refusesADuplicateSlugWith409AndWritesNothing() {
    long[] before = rows();
    var response = manager.postJson("/api/clients", """
        {"slug":"api-existing","name":"Again","devices":[]}""");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body()).contains("already exists");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void createsReadsRevisesPublishesAndOffboards() {
    String slug = "api-flow-" + System.nanoTime() % 1_000_000;
    assertThat(technician.postJson("/api/clients", GOOD.replace("api-good", slug)).status()).isEqualTo(403);
    var created = manager.postJson("/api/clients", GOOD.replace("api-good", slug));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    assertThat(technician.get("/api/clients/" + slug).body()).contains("\"active\":true");
    assertThat(technician.get("/api/clients/" + slug + "/devices").body()).contains("SRV01");
    assertThat(technician.get("/api/clients/" + slug + "/checklist").body()).contains("\"number\":1").contains("srv01/backup-jobs");
    var noChange = manager.postJson("/api/clients/" + slug + "/checklist/revisions", """
        {"baseRevision":1,"items":%s}""".formatted(itemsOf(technician.get("/api/clients/" + slug + "/checklist/revisions/1").body())));
    assertThat(noChange.status()).as(noChange.body()).isEqualTo(200);
    assertThat(noChange.body()).contains("\"created\":false");

    var revised = manager.postJson("/api/clients/" + slug + "/checklist/revisions", """
        {"baseRevision":1,"changeNote":"Only the new NAS","items":[{"device":"NAS01","section":"Storage","text":"Check the NAS","frequency":"QUARTERLY"}]}""");
    assertThat(revised.status()).as(revised.body()).isEqualTo(201);
    assertThat(technician.get("/api/clients/" + slug + "/checklist/revisions/1/diff/2").body()).contains("\"added\":[{\"id\":\"nas01/custom-1\"");
    assertThat(manager.postJson("/api/clients/" + slug + "/checklist/revisions/2/publish", "").status()).isEqualTo(200);
    assertThat(technician.get("/api/clients/" + slug + "/checklist/revisions").body()).contains("\"number\":2").contains("\"published\":true");

    assertThat(manager.send("PATCH", "/api/clients/" + slug, "application/json", "{\"active\":false}").body()).contains("\"active\":false");
    assertThat(clients.activeClientSlugs()).doesNotContain(slug);
    assertThat(technician.get("/api/clients/" + slug + "/checklist/revisions").status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDescriptionNeedsALogin() {
    assertThat(ApiClient.anonymous(port).get("/api/openapi").status()).isEqualTo(401);
    assertThat(ApiClient.anonymous(port).get("/v3/api-docs").status()).isIn(401, 404);
    var docs = technician.get("/api/openapi");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/clients/{slug}/checklist/revisions/{a}/diff/{b}");
  }

  private static String itemsOf(String revisionJson) {
    int start = revisionJson.indexOf("\"items\":") + "\"items\":".length();
    return revisionJson.substring(start, revisionJson.lastIndexOf(']') + 1);
  }
}
