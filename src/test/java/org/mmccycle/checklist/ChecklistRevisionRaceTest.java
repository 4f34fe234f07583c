package org.mmccycle.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ContractClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Two months of one client opened at the same moment make one first revision, not a duplicate key. */
class ChecklistRevisionRaceTest extends MmcSpringBootTest {

  @Autowired ChecklistRevisions revisions;
  @Autowired TransactionTemplate transactions;

  @Test
  void twoCyclesOfOneClientOpenedAtOnceShareOneFirstRevision() throws Exception {
    ContractClient client = fixture.activeClient("Race Dental");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> numbers = List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12)).stream()
          .map(month -> threads.submit(() -> {
            start.await();
            return transactions.execute(status -> revisions.inForceIn(client.slug(), month).number());
          }))
          .toList();
      start.countDown();

      for (Future<Integer> number : numbers) {
        assertThat(number.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(revisions.revisions(client.slug())).hasSize(1);
  }
}
