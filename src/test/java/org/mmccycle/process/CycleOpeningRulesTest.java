package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 17, items 7 and 11: when the round opens a month, and two openings of one cycle at once. */
class CycleOpeningRulesTest extends MmcSpringBootTest {

  @Autowired ManagementService managementService;
  @Autowired CycleOpener opener;

  /** Item 7: the round's timer fired at 06:00 in the JVM's zone (07:00 in Berlin on a UTC server in winter). */
  @Test
  void theMonthlyRoundOpensAtSixInTheFirmsTimeZoneWhateverTheServersZone() {
    Job timer = managementService.createJobQuery().processDefinitionKey(CycleVariables.MONTHLY_ROUND_PROCESS).timers().singleResult();

    ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.of("Europe/Berlin"));
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getHour()).as("due %s", timer.getDuedate().toInstant()).isEqualTo(6);
    assertThat(due.getMinute()).isZero();
  }

  /**
   * Item 11: two openings of the same cycle at the same moment (the timer and a manager, two nodes): one
   * opens it, the other waits for it and finds it open. One of them used to fail with a
   * DuplicateKeyException, logged as an ERROR with its stack trace, and a batch then waited five minutes.
   */
  @Test
  void twoOpeningsOfOneCycleAtOnceOpenItOnceAndNeitherFails() throws Exception {
    var client = fixture.activeClient("Simultaneous Surveyors");
    YearMonth month = YearMonth.of(2031, 9);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<CycleOpener.Opening>> openings = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Callable<CycleOpener.Opening> open = () -> {
          start.await();
          return opener.open(client.slug(), month);
        };
        openings.add(threads.submit(open));
      }
      start.countDown();
      CycleOpener.Opening first = openings.get(0).get();
      CycleOpener.Opening second = openings.get(1).get();

      assertThat(first.processInstanceId()).isEqualTo(second.processInstanceId());
      assertThat(List.of(first.started(), second.started())).containsExactlyInAnyOrder(true, false);
      assertThat(fixture.cyclesWithBusinessKey(client.slug(), month)).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }
}
