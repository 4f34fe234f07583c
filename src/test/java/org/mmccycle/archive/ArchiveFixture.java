package org.mmccycle.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.document.DocumentProperties;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;
import org.mmccycle.document.VisitRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An archive on a temporary folder and its own in-memory H2 database, migrated by the
 * application's Flyway migrations: the real archive, index and manifest, without Spring.
 */
final class ArchiveFixture {

  static final Instant FILED = Instant.parse("2026-11-20T14:00:00Z");

  final Path folder;
  final JdbcClient jdbc;
  final ArchiveIndex index;
  final ArchiveManifest manifest;
  final RecordArchive archive;
  final ArchiveVerifier verifier;
  final ArchiveSearch search;
  final ArchiveReader reader;

  ArchiveFixture(Path folder, ArchiveLayout layout) {
    this.folder = folder;
    DataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:archive-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    var properties = new DocumentProperties(folder.resolve("../published"), folder, layout);
    this.jdbc = JdbcClient.create(dataSource);
    this.index = new ArchiveIndex(jdbc);
    this.manifest = new ArchiveManifest(properties, index);
    this.archive = new RecordArchive(properties, index, manifest);
    this.verifier = new ArchiveVerifier(archive, index, manifest, java.time.Clock.systemUTC());
    this.search = new ArchiveSearch(jdbc);
    this.reader = new ArchiveReader(archive, index);
  }

  ArchiveFixture(Path folder) {
    this(folder, ArchiveLayout.BY_MONTH);
  }

  /** Files a record with stand-in PDF bytes (the archive does not read them). */
  FiledRecord file(VisitRecord record, String pdf) {
    return archive.file(record, pdf.getBytes(StandardCharsets.US_ASCII), json(record));
  }

  long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static String json(VisitRecord record) {
    return "{\"client\":\"" + record.clientSlug() + "\",\"month\":\"" + record.cycleMonth() + "\",\"items\":"
        + record.items().size() + "}";
  }

  static VisitRecord record(String slug, String month, List<ChecklistItem> items) {
    return new VisitRecord(slug, "Client " + slug, month, "on-site", "Tina Technician", FILED,
        items, null, null, "Sam Manager", FILED, List.of());
  }

  static VisitRecord record(String slug, String month) {
    return record(slug, month, items(3));
  }

  /** {@code count} items on a server, alternating sections; every third is an issue. */
  static List<ChecklistItem> items(int count) {
    List<ChecklistItem> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      boolean issue = i % 3 == 0;
      items.add(new ChecklistItem("srv/item-" + i, "Server 1", "Server",
          i % 2 == 0 ? "Backups and restore test" : "Logs and disks", "Check item number " + i,
          issue ? ChecklistItem.ISSUE : ChecklistItem.DONE, issue ? "Problem at item " + i : null));
    }
    return items;
  }

  static ChecklistItem item(String section, String text, String status, String note) {
    return new ChecklistItem("x/" + text, "Server 1", "Server", section, text, status, note);
  }
}
