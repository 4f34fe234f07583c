package org.mmccycle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmccycle.archive.ArchiveFixture.item;
import static org.mmccycle.archive.ArchiveFixture.record;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmccycle.checklist.ChecklistItem;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveSearchTest {

  private static final String BACKUPS = "Backups and restore test";
  private static final String PRINTERS = "Printers";

  @TempDir static Path folder;

  private ArchiveFixture fixture;

  /** Three clients over three months; acme's November record was corrected once. */
  @BeforeAll
  void fileRecords() {
    fixture = new ArchiveFixture(folder);
    file("acme", "2026-10", item(BACKUPS, "Test a restore", ChecklistItem.DONE, null));
    file("acme", "2026-11", item(BACKUPS, "Test a restore", ChecklistItem.ISSUE, "Tape drive failed"),
        item(PRINTERS, "Toner", ChecklistItem.DONE, null));
    file("acme", "2026-11", item(BACKUPS, "Test a restore", ChecklistItem.ISSUE, "Tape drive failed, replaced"),
        item(PRINTERS, "Toner", ChecklistItem.DONE, null));
    file("beta", "2026-11", item(BACKUPS, "Rotate media", ChecklistItem.ISSUE, "Media 100% full_"),
        item(PRINTERS, "Toner", ChecklistItem.ISSUE, "Low toner"));
    file("gamma", "2026-12", item(BACKUPS, "Test a restore", ChecklistItem.DONE, null),
        item(PRINTERS, "Paper tray", ChecklistItem.NOT_APPLICABLE, null));
  }

  private void file(String slug, String month, ChecklistItem... items) {
    var record = record(slug, month, List.of(items));
    fixture.file(record, "%PDF " + slug + month + items[0].note());
  }

  private List<RecordHit> search(String client, String from, String to, String status, String section, String text) {
    return fixture.search.search(new RecordQuery(client, from, to, status, section, text, RecordQuery.DEFAULT_LIMIT));
  }

  @Test
  void shouldFindBackupIssuesAcrossClientsAndMonthsWithTheMatchingItems() {
    List<RecordHit> hits = search(null, "2026-10", "2026-12", "issue", "backups", null);

    assertThat(hits).extracting(hit -> hit.record().clientSlug() + " " + hit.record().cycleMonth() + " v" + hit.record().version())
        .containsExactly("acme 2026-11 v1", "acme 2026-11 v2", "beta 2026-11 v1");
    assertThat(hits.get(2).items()).singleElement().satisfies(item -> {
      assertThat(item.section()).isEqualTo(BACKUPS);
      assertThat(item.note()).isEqualTo("Media 100% full_");
    });
  }

  @Test
  void shouldSayWhichVersionCorrectsARecord() {
    List<RecordHit> hits = search("acme", "2026-11", "2026-11", null, null, null);

    assertThat(hits).hasSize(2);
    assertThat(hits.get(0).correctedById()).isEqualTo(hits.get(1).record().id());
    assertThat(hits.get(1).record().previousVersionId()).isEqualTo(hits.get(0).record().id());
    assertThat(hits.get(1).correctedById()).isNull();
    assertThat(hits).allSatisfy(hit -> assertThat(hit.items()).isEmpty());
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      // client, from, to, status, section, text, expected records
      "-,       -,       -,       -,     -,       -,         5",
      "acme,    -,       -,       -,     -,       -,         3",
      "Client B,-,       -,       -,     -,       -,         1",
      "-,       2026-11, -,       -,     -,       -,         4",
      "-,       -,       2026-10, -,     -,       -,         1",
      "-,       -,       -,       na,    -,       -,         1",
      "-,       -,       -,       -,     PRINT,   -,         4",
      "-,       -,       -,       -,     -,       tape,      2",
      "-,       -,       -,       -,     -,       100%,      1",
      "-,       -,       -,       -,     -,       _,         1",
      "-,       -,       -,       done,  -,       toner,     2",
      "nobody,  -,       -,       -,     -,       -,         0"})
  void shouldCombineTheCriteria(String client, String from, String to, String status, String section, String text,
      int expected) {
    assertThat(search(client, from, to, status, section, text)).hasSize(expected);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", delimiter = '|', value = {
      "2026-13 | -       | -     | 'from' must be a month as yyyy-MM",
      "-       | nov     | -     | 'to' must be a month as yyyy-MM",
      "2026-12 | 2026-11 | -     | 'from' (2026-12) is after 'to' (2026-11)",
      "-       | -       | fine  | 'status' must be one of done, issue, na"})
  void shouldRefuseBadCriteriaWithAMessage(String from, String to, String status, String message) {
    assertThatThrownBy(() -> new RecordQuery(null, from, to, status, null, null, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
