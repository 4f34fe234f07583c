package org.mmccycle.cycle;

import java.net.URI;
import java.time.YearMonth;
import java.util.Optional;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.mmccycle.security.OpenTaskLookup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * same monthly round the timer runs, so each client's cycle opens in its own job, at most once. A job's
 * open task is reached from the cycle board through {@code GET /api/cycles/{client}/{month}/jobs/{job}/task},
 * which sends the browser to it in Tasklist.
 */
@RestController
@RequestMapping("/api/cycles")
public class CycleController {

  public record CycleStatus(String clientSlug, String month, String processInstanceId) {}

  private final MonthRounds rounds;
  private final CurrentUser currentUser;
  private final CycleCalendar calendar;
  private final CycleRecords records;
  private final OpenTaskLookup openTasks;

  public CycleController(MonthRounds rounds, CurrentUser currentUser, CycleCalendar calendar, CycleRecords records,
      OpenTaskLookup openTasks) {
    this.rounds = rounds;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.records = records;
    this.openTasks = openTasks;
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

  /** The job's open task of the client's cycle, in Tasklist (303); 404 when it has none the caller sees. */
  @GetMapping("/{clientSlug}/{month}/jobs/{job}/task")
  public ResponseEntity<Void> task(@PathVariable String clientSlug, @PathVariable String month, @PathVariable String job) {
    currentUser.id();
    YearMonth yearMonth = CycleMonth.parse(month);
    Job theJob = Job.of(job);
    CycleRecord cycle = records.find(clientSlug, yearMonth).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "'" + clientSlug + "' has no cycle for " + CycleMonth.format(yearMonth)));
    String taskId = Optional.ofNullable(theJob.taskDefinitionKey())
        .flatMap(key -> openTasks.openTask(cycle.processInstanceId(), key))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "the " + theJob.label() + " of " + cycle.clientName()
            + " for " + CycleMonth.format(yearMonth) + " has no open task that you may see"));
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/camunda/app/tasklist/default/#/?task=" + taskId)).build();
  }
}
