package org.mmccycle.checklist;

/** How often a checklist item is due: every month, in four months a year, or once a year. */
public enum Frequency {
  MONTHLY(12),
  QUARTERLY(4),
  YEARLY(1);

  private final int monthsPerYear;

  Frequency(int monthsPerYear) {
    this.monthsPerYear = monthsPerYear;
  }

  /** In how many months of a year an item of this frequency is due. */
  public int monthsPerYear() {
    return monthsPerYear;
  }
}
