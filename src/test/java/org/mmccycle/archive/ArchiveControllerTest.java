package org.mmccycle.archive;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.document.VisitRecord;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The archive API in the running application: search, download, verify, and who may do what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveControllerTest extends MmcSpringBootTest {

  /** A client of its own: the shared test context files other records too. */
  private static final String ACME = "acme-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  private static final String PASSWORD = "archive-test";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RecordArchive archive;

  private FiledRecord acme;

  @BeforeAll
  void usersAndOneFiledRecord() {
    user("arctech", MmcGroups.TECHNICIANS);
    user("arcmanager", MmcGroups.SERVICE_MANAGERS);
    var record = new VisitRecord(ACME, "Acme GmbH", "2026-11", "on-site", "tina", Instant.parse("2026-11-05T09:00:00Z"),
        List.of(new ChecklistItem("srv/backup", "Server", "Server", "Backups and restore test", "Test a restore",
            ChecklistItem.ISSUE, "Tape failed")), null, null, "sam", Instant.parse("2026-11-20T14:00:00Z"), List.of());
    acme = archive.file(record, "%PDF-1.4 acme".getBytes(), "{\"client\":\"acme\"}");
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      var user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, PASSWORD);
  }

  @Test
  void shouldLetATechnicianSearchAcrossClients() {
    var response = as("arctech").getForEntity("/api/archive/records?client=" + ACME + "&status=issue&section=backups", List.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).singleElement().satisfies(hit -> {
      @SuppressWarnings("unchecked") var json = (Map<String, Object>) hit;
      assertThat(json).containsEntry("clientSlug", ACME).containsEntry("version", 1).containsKey("sha256Pdf");
      assertThat((List<?>) json.get("items")).hasSize(1);
    });
  }

  @Test
  void shouldDownloadTheFiledPdf() {
    var response = as("arctech").getForEntity("/api/archive/records/" + acme.id() + "/pdf", byte[].class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(response.getBody()).isEqualTo("%PDF-1.4 acme".getBytes());
    assertThat(as("arctech").getForEntity("/api/archive/records/999999/pdf", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldAnswerBadParametersWith400AndAMessage() {
    var response = as("arctech").getForEntity("/api/archive/records?from=2026-13", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("'from' must be a month as yyyy-MM");
  }

  @Test
  void shouldLetOnlyManagersAndProcessOwnersVerify() {
    assertThat(as("arctech").getForEntity("/api/archive/verify", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var report = as("arcmanager").getForEntity("/api/archive/verify", Map.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody()).containsEntry("intact", true);
    assertThat((Integer) report.getBody().get("records")).isPositive();
    assertThat(http.getForEntity("/api/archive/records", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
