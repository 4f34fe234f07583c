package org.mmccycle.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for this application's load. Camunda 7 has no index on
 * {@code ACT_RU_TASK.PARENT_TASK_ID_} (only on MS SQL), yet completing any task looks up its sub-tasks
 * by it: with 22,200 open tasks every completion read the whole task table (issue 8: 108 completions
 * a second with 2,000 open tasks, 61 with 22,200). Created after the engine made its tables, on H2 and
 * PostgreSQL alike, and only if missing.
 */
@Component
public class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);
  static final String TASK_PARENT_INDEX = "ACT_IDX_TASK_PARENT_TASK_ID";

  private final JdbcClient jdbc;

  public EngineIndexes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void createMissing() {
    try {
      jdbc.sql("create index if not exists " + TASK_PARENT_INDEX + " on ACT_RU_TASK (PARENT_TASK_ID_)").update();
    } catch (DataAccessException e) {
      // two nodes starting at the same moment: the other one created it
      LOG.warn("Could not create the index {} (another node may have just created it): {}", TASK_PARENT_INDEX, e.getMessage());
    }
  }
}
