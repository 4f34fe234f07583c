package org.mmccycle.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

  /**
   * The record of a process instance, if it is a cycle. Read once per transaction: a step's listeners
   * and delegates (submission check, visit, job records, the next task) each ask for it, and the opening
   * of a month asks four times per cycle; this class's own writes keep the transaction's copy current.
   */
  public Optional<CycleRecord> ofProcessInstance(String processInstanceId) {
    Map<String, CycleRecord> read = readInThisTransaction();
    CycleRecord known = read == null ? null : read.get(processInstanceId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<CycleRecord> record = jdbc.sql(SELECT + " where cc.process_instance_id = ?").param(processInstanceId)
        .query(CycleRecords::row).optional();
    if (read != null) {
      record.ifPresent(found -> read.put(processInstanceId, found));
    }
    return record;
  }

  /** The records read in the current transaction (null outside one), forgotten when it ends. */
  @SuppressWarnings("unchecked")
  private Map<String, CycleRecord> readInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, CycleRecord> read = (Map<String, CycleRecord>) TransactionSynchronizationManager.getResource(this);
    if (read == null) {
      read = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, read);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CycleRecords.this);
        }
      });
    }
    return read;
  }

  /** A write of this process instance's record: the transaction reads it anew. */
  private void changed(String processInstanceId) {
    Map<String, CycleRecord> read = readInThisTransaction();
    if (read != null) {
      read.remove(processInstanceId);
    }
  }

  /** The record of a cycle process instance: it exists for every cycle (its opening wrote it). */
  public CycleRecord of(String processInstanceId) {
    return ofProcessInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " is no client cycle that MMC Cycle opened (no row in mmc_client_cycle)"));
  }

  /** Writes a cycle's record; the primary key (client, month) refuses a second one. */
  public void insert(String clientSlug, YearMonth month, String businessKey, String processInstanceId, String clientName,
      Integer executedRevision) {
    changed(processInstanceId);
    jdbc.sql("insert into mmc_client_cycle (client_slug, cycle_month, business_key, process_instance_id, client_name, "
            + "executed_revision) values (?, ?, ?, ?, ?, ?)")
        .params(clientSlug, month.toString(), businessKey, processInstanceId, clientName, executedRevision)
        .update();
  }

  /** The cycle was prepared in its own job: its client's name and the revision it executes. */
  public void prepared(String processInstanceId, String clientName, int executedRevision) {
    changed(processInstanceId);
    jdbc.sql("update mmc_client_cycle set client_name = ?, executed_revision = ? where process_instance_id = ?")
        .params(clientName, executedRevision, processInstanceId).update();
  }

  /** The revision the cycle's Revise made (null: none any more, its revision was sent back). */
  public void revised(String processInstanceId, Integer revisedRevision) {
    changed(processInstanceId);
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
