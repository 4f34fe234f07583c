package org.mmccycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;

class TimeOrderedIdGeneratorTest extends MmcSpringBootTest {

  private static final long JAN_2027 = 1_798_761_600_000L;

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  @Test
  void idsAreVersion7UuidsWhoseTextSortsInTheOrderTheyWereMade() {
    long[] now = {JAN_2027};
    var generator = new TimeOrderedIdGenerator(() -> now[0], new SplittableRandom(7)::nextLong);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      if (i % 1_000 == 0) {
        now[0] += 1; // a thousand ids per millisecond
      }
      ids.add(generator.getNextId());
    }

    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(ids).allSatisfy(id -> {
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(7);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
    });
    assertThat(millis(ids.get(0))).isEqualTo(JAN_2027 + 1);
    assertThat(millis(ids.get(ids.size() - 1))).isEqualTo(now[0]);
  }

  @Test
  void moreIdsInOneMillisecondThanTheCounterHoldsBorrowTheNextMillisecondAndStayInOrder() {
    var generator = new TimeOrderedIdGenerator(() -> JAN_2027, new SplittableRandom(11)::nextLong);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(generator.getNextId());
    }

    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(millis(ids.get(ids.size() - 1))).as("borrowed milliseconds").isGreaterThan(JAN_2027 + 1);
  }

  @Test
  void aClockThatGoesBackKeepsTheIdsInOrder() {
    long[] now = {JAN_2027};
    var generator = new TimeOrderedIdGenerator(() -> now[0], new SplittableRandom(13)::nextLong);
    String before = generator.getNextId();
    now[0] -= 60_000;
    String after = generator.getNextId();

    assertThat(after).isGreaterThan(before);
  }

  @Test
  void threadsSharingTheEnginesGeneratorGetDistinctIds() throws Exception {
    var generator = new TimeOrderedIdGenerator();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> parts = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        parts.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < 25_000; i++) {
            ids.add(generator.getNextId());
          }
          return ids;
        }));
      }
      Set<String> all = new HashSet<>();
      for (Future<List<String>> part : parts) {
        List<String> ids = part.get();
        assertThat(ids).as("each thread's ids in order").isSorted();
        all.addAll(ids);
      }
      assertThat(all).hasSize(100_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEngineMakesItsIdsWithIt() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getIdGenerator()).isInstanceOf(TimeOrderedIdGenerator.class);
    assertThat(configuration.getDbSqlSessionFactory().getIdGenerator()).isSameAs(configuration.getIdGenerator());

    fixture.clockAt(LocalDateTime.of(2027, 2, 1, 8, 0));
    String cycle = fixture.openCycle(fixture.onboardedClient("Id Order Opticians"), YearMonth.of(2027, 2)).processInstanceId();
    String task = taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId();

    assertThat(UUID.fromString(cycle).version()).isEqualTo(7);
    assertThat(task).as("made after its process instance").isGreaterThan(cycle);
  }

  private static long millis(String id) {
    return UUID.fromString(id).getMostSignificantBits() >>> 16;
  }
}
