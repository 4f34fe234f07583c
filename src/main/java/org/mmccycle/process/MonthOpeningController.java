package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.OPEN_MONTH_MESSAGE;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
public class MonthOpeningController {

  public record MonthOpening(String month, String roundProcessInstanceId, int clients) {}

  public record CycleStatus(String clientSlug, String month, String processInstanceId) {}

  private final RuntimeService runtimeService;
  private final CycleOpener opener;
  private final CurrentUser currentUser;
  private final CycleClock clock;
  private final CycleMonths months;

  public MonthOpeningController(RuntimeService runtimeService, CycleOpener opener, CurrentUser currentUser, CycleClock clock,
      CycleMonths months) {
    this.runtimeService = runtimeService;
    this.opener = opener;
    this.currentUser = currentUser;
    this.clock = clock;
    this.months = months;
  }

  @PostMapping("/open")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public MonthOpening open(@RequestParam(required = false) String month) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    YearMonth yearMonth = months.requireOpenable(clock.monthOrCurrent(month));
    var round = runtimeService.createMessageCorrelation(OPEN_MONTH_MESSAGE)
        .processInstanceBusinessKey("round:" + CycleMonth.format(yearMonth))
        .setVariables(Map.of(CycleVariables.MONTH, CycleMonth.format(yearMonth)))
        .correlateWithResultAndVariables(true);
    @SuppressWarnings("unchecked")
    var slugs = (List<String>) round.getVariables().get(CycleVariables.CLIENT_SLUGS);
    return new MonthOpening(CycleMonth.format(yearMonth), round.getProcessInstance().getId(), slugs == null ? 0 : slugs.size());
  }

  @GetMapping("/{clientSlug}/{month}")
  public CycleStatus cycle(@PathVariable String clientSlug, @PathVariable String month) {
    currentUser.id();
    String cycleMonth = CycleMonth.format(CycleMonth.parse(month));
    return opener.openCycle(clientSlug, cycleMonth)
        .map(id -> new CycleStatus(clientSlug, cycleMonth, id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "no cycle of '" + clientSlug + "' is open for " + cycleMonth));
  }
}
