package org.mmccycle.cycle;

import java.time.YearMonth;

/**
 * A client's cycle for a month as the application recorded it when it opened: the identity that
 * documents, visits and reports use, whatever a task's variables say.
 *
 * @param executedRevision the checklist revision the cycle's visit executes (null until prepared)
 * @param revisedRevision the revision the cycle's Revise made (null when nothing changed, or not yet)
 */
public record CycleRecord(String clientSlug, YearMonth month, String clientName, String processInstanceId,
    Integer executedRevision, Integer revisedRevision) {

  /** The revision the cycle publishes: the one its Revise made, else the one it executed. */
  public Integer revisionToPublish() {
    return revisedRevision != null ? revisedRevision : executedRevision;
  }
}
