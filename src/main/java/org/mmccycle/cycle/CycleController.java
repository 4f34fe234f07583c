package org.mmccycle.cycle;

import java.time.YearMonth;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Service managers open a month by hand ({@code POST /api/cycles/open?month=2026-11}): it runs the
 * same monthly round the timer runs, so each client's cycle opens in its own job, at most once.
 */
@RestController
@RequestMapping("/api/cycles")
public class CycleController {

  public record CycleStatus(String clientSlug, String month, String processInstanceId) {}

  private final MonthRounds rounds;
  private final CurrentUser currentUser;
  private final CycleCalendar calendar;

  public CycleController(MonthRounds rounds, CurrentUser currentUser, CycleCalendar calendar) {
    this.rounds = rounds;
    this.currentUser = currentUser;
    this.calendar = calendar;
  }

  @PostMapping("/open")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public MonthRounds.MonthOpening open(@RequestParam(required = false) String month) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    return rounds.open(calendar.monthOrCurrent(month)); // the round refuses a month too far (400)
  }

  @GetMapping("/{clientSlug}/{month}")
  public CycleStatus cycle(@PathVariable String clientSlug, @PathVariable String month) {
    currentUser.id();
    YearMonth yearMonth = CycleMonth.parse(month);
    return rounds.openCycle(clientSlug, yearMonth)
        .map(id -> new CycleStatus(clientSlug, CycleMonth.format(yearMonth), id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "no cycle of '" + clientSlug + "' is open for " + CycleMonth.format(yearMonth)));
  }
}
