package org.mmccycle.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mmccycle.checklist.ChecklistItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The archive index ({@code mmc_filed_record}, {@code mmc_filed_item}): which files make up the
 * archive and what they hash to. Runs in the caller's transaction.
 */
@Repository
public class ArchiveIndex {

  static final String COLUMNS = "r.id, r.client_slug, r.client_name, r.cycle_month, r.version, r.previous_version_id, "
      + "r.pdf_path, r.json_path, r.sha256_pdf, r.sha256_json, r.filed_at, r.filed_by";

  private final JdbcClient jdbc;

  public ArchiveIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The version of the client's month whose files hash to these digests: a repeated filing. */
  Optional<ArchivedRecord> findSame(String clientSlug, String cycleMonth, String sha256Pdf, String sha256Json) {
    return jdbc.sql("select " + COLUMNS + " from mmc_filed_record r where r.client_slug = ? and r.cycle_month = ?"
            + " and r.sha256_pdf = ? and r.sha256_json = ? order by r.version")
        .params(clientSlug, cycleMonth, sha256Pdf, sha256Json)
        .query(ArchiveIndex::row).list().stream().findFirst();
  }

  /** The highest version filed for the client's month, the one a new filing corrects. */
  Optional<ArchivedRecord> latest(String clientSlug, String cycleMonth) {
    return jdbc.sql("select " + COLUMNS + " from mmc_filed_record r where r.client_slug = ? and r.cycle_month = ?"
            + " order by r.version desc")
        .params(clientSlug, cycleMonth)
        .query(ArchiveIndex::row).list().stream().findFirst();
  }

  Set<Integer> versions(String clientSlug, String cycleMonth) {
    return jdbc.sql("select version from mmc_filed_record where client_slug = ? and cycle_month = ?")
        .params(clientSlug, cycleMonth).query(Integer.class).set();
  }

  public Optional<ArchivedRecord> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from mmc_filed_record r where r.id = ?")
        .param(id).query(ArchiveIndex::row).optional();
  }

  /** Every filed version, in path order. */
  public List<ArchivedRecord> all() {
    return jdbc.sql("select " + COLUMNS + " from mmc_filed_record r order by r.pdf_path").query(ArchiveIndex::row).list();
  }

  /** Adds a filed version and its items; {@code id} is ignored. */
  long insert(ArchivedRecord record, List<ChecklistItem> items) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into mmc_filed_record (client_slug, client_name, cycle_month, version, previous_version_id,"
            + " pdf_path, json_path, sha256_pdf, sha256_json, filed_at, filed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(record.clientSlug(), record.clientName(), record.cycleMonth(), record.version(),
            record.previousVersionId(), record.pdfPath(), record.jsonPath(), record.sha256Pdf(), record.sha256Json(),
            Timestamp.from(record.filedAt()), record.filedBy())
        .update(key, "id");
    long id = key.getKey().longValue();
    int position = 0;
    for (ChecklistItem item : items) {
      jdbc.sql("insert into mmc_filed_item (record_id, position, device, section, item_text, status, note)"
              + " values (?, ?, ?, ?, ?, ?, ?)")
          .params(id, position++, item.device(), item.section(), item.text(), item.status(), item.note())
          .update();
    }
    return id;
  }

  static ArchivedRecord row(ResultSet rs, int rowNum) throws SQLException {
    Long previous = rs.getObject("previous_version_id", Long.class);
    return new ArchivedRecord(rs.getLong("id"), rs.getString("client_slug"), rs.getString("client_name"),
        rs.getString("cycle_month"), rs.getInt("version"), previous,
        rs.getString("pdf_path"), rs.getString("json_path"), rs.getString("sha256_pdf"), rs.getString("sha256_json"),
        rs.getTimestamp("filed_at").toInstant(), rs.getString("filed_by"));
  }
}
