package org.mmccycle.cycle;

import java.time.YearMonth;
import java.util.Optional;

/** Opening a month's round of cycles and finding a client's open cycle: what the process engine does for the cycle. */
public interface MonthRounds {

  /** A month's round, started or found (it runs at most once per month). */
  record MonthOpening(String month, String roundProcessInstanceId, int clients) {}

  /** Runs the monthly round for the month, as its timer does: each client's cycle opens in its own job, at most once. */
  MonthOpening open(YearMonth month);

  /** The process instance of the client's open cycle of the month, if one is open. */
  Optional<String> openCycle(String clientSlug, YearMonth month);
}
