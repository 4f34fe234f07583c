package org.mmccycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EngineIndexesTest extends MmcSpringBootTest {

  @Autowired EngineIndexes indexes;
  @Autowired JdbcClient jdbc;

  @Test
  void theEnginesSubTaskLookupUsesAnIndexAfterStartUpAndAgainAfterASecondRun() {
    assertThat(plan()).contains(EngineIndexes.TASK_PARENT_INDEX);

    indexes.createMissing();

    assertThat(plan()).as("created once, used still").contains(EngineIndexes.TASK_PARENT_INDEX);
  }

  /** The statement Camunda runs for every completed task (Task.xml, selectTasksByParentTaskId). */
  private String plan() {
    return jdbc.sql("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?").param("some-task").query(String.class).single();
  }
}
