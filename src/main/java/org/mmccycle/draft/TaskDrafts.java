package org.mmccycle.draft;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drafts of open tasks ({@code mmc_task_draft}): one per task, replaced on every save. */
@Repository
public class TaskDrafts {

  /** A saved draft: the form's own JSON, who saved it last and when. */
  public record Draft(String taskId, String savedBy, Instant savedAt, String body) {}

  private final JdbcClient jdbc;

  public TaskDrafts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Draft> find(String taskId) {
    return jdbc.sql("select task_id, saved_by, saved_at, body from mmc_task_draft where task_id = ?")
        .param(taskId)
        .query((rs, n) -> new Draft(rs.getString("task_id"), rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant(),
            rs.getString("body")))
        .optional();
  }

  /** Replaces the task's draft (an update first: a draft is saved many times, created once). */
  public void save(String taskId, String savedBy, Instant savedAt, String body) {
    int updated = jdbc.sql("update mmc_task_draft set saved_by = ?, saved_at = ?, body = ? where task_id = ?")
        .params(savedBy, Timestamp.from(savedAt), body, taskId)
        .update();
    if (updated == 0) {
      try {
        jdbc.sql("insert into mmc_task_draft (task_id, saved_by, saved_at, body) values (?, ?, ?, ?)")
            .params(taskId, savedBy, Timestamp.from(savedAt), body)
            .update();
      } catch (DuplicateKeyException savedAtTheSameMoment) {
        save(taskId, savedBy, savedAt, body); // another device's first save won: this one replaces it
      }
    }
  }

  /** The task was completed or went away: its draft has served. */
  public void discard(String taskId) {
    jdbc.sql("delete from mmc_task_draft where task_id = ?").param(taskId).update();
  }
}
