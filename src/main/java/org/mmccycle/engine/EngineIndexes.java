package org.mmccycle.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the engine's own schema lacks for this application's load, created at start-up after the
 * engine made its tables, each only if missing.
 *
 * <p>An index on {@code ACT_RU_TASK.PARENT_TASK_ID_} (H2 and PostgreSQL): Camunda 7 has it only on MS
 * SQL, yet completing any task looks up its sub-tasks by it: with 22,200 open tasks every completion
 * read the whole task table (issue 8: 108 completions a second with 2,000 open tasks, 61 with 22,200).
 *
 * <p>On PostgreSQL, statistics on the permission bits Tasklist's task query tests
 * ({@code PERMS_ & 2} read a task, {@code PERMS_ & 64} read the tasks of a process definition).
 * PostgreSQL cannot estimate a bitwise test without them and took the matching authorizations for
 * 60 rows when they were 12,000 (one per open task of the group): it then compared every task with
 * every authorization, 144 million pairs, and the technicians' task list took 10-17 s after a month
 * of 10,000 clients opened. With them it looks each task's authorizations up in the index (0.14 s).
 * The plans are only right when PostgreSQL plans the task query with its values: TaskQueryPlanning.
 */
@Component
public class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);
  static final String TASK_PARENT_INDEX = "ACT_IDX_TASK_PARENT_TASK_ID";
  /** Statistics name → the permission bit it describes (READ; ProcessDefinitionPermissions.READ_TASK). */
  static final Map<String, Integer> AUTHORIZATION_STATISTICS =
      Map.of("mmc_stx_auth_perms_read", 2, "mmc_stx_auth_perms_read_task", 64);

  private final JdbcClient jdbc;
  private final ProcessEngine engine;

  public EngineIndexes(JdbcClient jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  public void createMissing() {
    try {
      jdbc.sql("create index if not exists " + TASK_PARENT_INDEX + " on ACT_RU_TASK (PARENT_TASK_ID_)").update();
      if (onPostgres((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())) {
        createAuthorizationStatistics();
      }
    } catch (DataAccessException e) {
      // two nodes starting at the same moment: the other one created it
      LOG.warn("Could not create the engine's extra indexes and statistics (another node may have just created them): {}",
          e.getMessage());
    }
  }

  private void createAuthorizationStatistics() {
    List<String> existing = jdbc.sql("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass")
        .query(String.class).list();
    boolean created = false;
    for (var statistics : AUTHORIZATION_STATISTICS.entrySet()) {
      if (!existing.contains(statistics.getKey())) {
        jdbc.sql("create statistics if not exists " + statistics.getKey() + " on (perms_ & " + statistics.getValue()
            + ") from act_ru_authorization").update();
        created = true;
      }
    }
    if (created) {
      // filled now, not at the next automatic analyze
      jdbc.sql("analyze act_ru_authorization").update();
    }
  }

  /** Whether the engine runs on PostgreSQL, as Camunda itself determined at start-up. */
  static boolean onPostgres(ProcessEngineConfigurationImpl configuration) {
    return DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType());
  }
}
