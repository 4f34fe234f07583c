package org.mmccycle.metrics;

import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/metrics/bottlenecks?months=6}: per job, times and overdue counts (process owners, service managers). */
@RestController
public class BottleneckController {

  private final Bottlenecks bottlenecks;
  private final CurrentUser currentUser;

  public BottleneckController(Bottlenecks bottlenecks, CurrentUser currentUser) {
    this.bottlenecks = bottlenecks;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/metrics/bottlenecks")
  public Bottlenecks.Report bottlenecks(@RequestParam(defaultValue = "6") int months) {
    currentUser.requireAnyGroup(MmcGroups.PROCESS_OWNERS, MmcGroups.SERVICE_MANAGERS);
    return bottlenecks.lastMonths(months);
  }
}
