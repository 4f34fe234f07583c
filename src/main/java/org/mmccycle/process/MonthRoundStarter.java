package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.OPEN_MONTH_MESSAGE;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.mmccycle.cycle.CycleMonth;
import org.mmccycle.cycle.MonthRounds;
import org.springframework.stereotype.Component;

/** The monthly round model ({@code Process_MonthlyMaintenanceRound}) started by its message, as a service manager asks. */
@Component
public class MonthRoundStarter implements MonthRounds {

  private final RuntimeService runtimeService;
  private final CycleOpener opener;

  public MonthRoundStarter(RuntimeService runtimeService, CycleOpener opener) {
    this.runtimeService = runtimeService;
    this.opener = opener;
  }

  @Override
  public MonthOpening open(YearMonth month) {
    String cycleMonth = CycleMonth.format(month);
    MessageCorrelationResultWithVariables round;
    try {
      round = runtimeService.createMessageCorrelation(OPEN_MONTH_MESSAGE)
          .processInstanceBusinessKey("round:" + cycleMonth)
          .setVariables(Map.of(CycleVariables.MONTH, cycleMonth))
          .correlateWithResultAndVariables(true);
    } catch (BadUserRequestException refused) {
      // the round's own check (a month too far): the caller's bad input, as our API says it
      throw new IllegalArgumentException(refused.getMessage(), refused);
    }
    @SuppressWarnings("unchecked")
    var slugs = (List<String>) round.getVariables().get(CycleVariables.CLIENT_SLUGS);
    return new MonthOpening(cycleMonth, round.getProcessInstance().getId(), slugs == null ? 0 : slugs.size());
  }

  @Override
  public Optional<String> openCycle(String clientSlug, YearMonth month) {
    return opener.openCycle(clientSlug, CycleMonth.format(month));
  }
}
