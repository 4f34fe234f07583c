package org.mmccycle.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cycles' own records ({@code mmc_client_cycle}) and the notes people wrote along them ({@code mmc_cycle_note}). */
@Repository
public class CycleRecords {

  /** A note a person wrote in a cycle, as it goes into the filed record. */
  public record Note(String kind, String job, String writtenBy, Instant writtenAt, String text) {}

  /** A cycle opened before its record held the client's name has the client's name from the master data. */
  private static final String SELECT = "select cc.client_slug, cc.cycle_month, coalesce(cc.client_name, c.name) client_name, "
      + "cc.process_instance_id, cc.executed_revision, cc.revised_revision from mmc_client_cycle cc "
      + "join mmc_client c on c.slug = cc.client_slug";

  private final JdbcClient jdbc;

  public CycleRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CycleRecord> find(String clientSlug, YearMonth month) {
    return jdbc.sql(SELECT + " where cc.client_slug = ? and cc.cycle_month = ?").params(clientSlug, month.toString())
        .query(CycleRecords::row).optional();
  }

  public Optional<CycleRecord> ofProcessInstance(String processInstanceId) {
    return jdbc.sql(SELECT + " where cc.process_instance_id = ?").param(processInstanceId).query(CycleRecords::row).optional();
  }

  /** The record of a cycle process instance: it exists for every cycle (its opening wrote it). */
  public CycleRecord of(String processInstanceId) {
    return ofProcessInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " is no client cycle that MMC Cycle opened (no row in mmc_client_cycle)"));
  }

  /** Writes a cycle's record; the primary key (client, month) refuses a second one. */
  public void insert(String clientSlug, YearMonth month, String businessKey, String processInstanceId, String clientName,
      Integer executedRevision) {
    jdbc.sql("insert into mmc_client_cycle (client_slug, cycle_month, business_key, process_instance_id, client_name, "
            + "executed_revision) values (?, ?, ?, ?, ?, ?)")
        .params(clientSlug, month.toString(), businessKey, processInstanceId, clientName, executedRevision)
        .update();
  }

  /** The cycle was prepared in its own job: its client's name and the revision it executes. */
  public void prepared(String processInstanceId, String clientName, int executedRevision) {
    jdbc.sql("update mmc_client_cycle set client_name = ?, executed_revision = ? where process_instance_id = ?")
        .params(clientName, executedRevision, processInstanceId).update();
  }

  public void revised(String processInstanceId, int revisedRevision) {
    jdbc.sql("update mmc_client_cycle set revised_revision = ? where process_instance_id = ?")
        .params(revisedRevision, processInstanceId).update();
  }

  public void addNote(CycleRecord cycle, Note note) {
    jdbc.sql("insert into mmc_cycle_note (client_slug, cycle_month, kind, job, written_by, written_at, text) values (?, ?, ?, ?, ?, ?, ?)")
        .params(cycle.clientSlug(), cycle.month().toString(), note.kind(), note.job(), note.writtenBy(),
            Timestamp.from(note.writtenAt()), note.text())
        .update();
  }

  public List<Note> notes(String clientSlug, YearMonth month) {
    return jdbc.sql("select kind, job, written_by, written_at, text from mmc_cycle_note where client_slug = ? and cycle_month = ? order by id")
        .params(clientSlug, month.toString())
        .query((rs, n) -> new Note(rs.getString("kind"), rs.getString("job"), rs.getString("written_by"),
            rs.getTimestamp("written_at").toInstant(), rs.getString("text")))
        .list();
  }

  private static CycleRecord row(ResultSet rs, int n) throws SQLException {
    return new CycleRecord(rs.getString("client_slug"), YearMonth.parse(rs.getString("cycle_month")), rs.getString("client_name"),
        rs.getString("process_instance_id"), (Integer) rs.getObject("executed_revision"), (Integer) rs.getObject("revised_revision"));
  }
}
