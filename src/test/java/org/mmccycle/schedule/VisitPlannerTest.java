package org.mmccycle.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mmccycle.schedule.VisitPlanner.Rule;

class VisitPlannerTest {

  private final VisitPlanner planner = new VisitPlanner(VisitRules.defaults());

  private static VisitPlanner.Request request(String month, String lastVisit, String preference) {
    return new VisitPlanner.Request(YearMonth.parse(month), Optional.ofNullable(lastVisit).map(LocalDate::parse),
        VisitPreference.parse(preference), LocalDate.parse("2020-01-01"), day -> 0);
  }

  @Test
  void refusesTheFirstOfMarchAfterTheTwentySeventhOfFebruary() {
    var violations = planner.violations(LocalDate.parse("2027-03-01"), request("2027-03", "2027-02-26", null));

    assertThat(violations).extracting(VisitPlanner.Violation::rule).containsExactly(Rule.MIN_GAP);
    assertThat(violations.get(0).reason()).contains("only 3 days after the last visit on 2027-02-26").contains("at least 21");
  }

  @Test
  void proposesAMonthAfterTheLastVisitWhenEverythingFits() {
    var proposal = planner.propose(request("2026-11", "2026-10-14", null));

    assertThat(proposal.date()).isEqualTo("2026-11-13"); // the 14th is a Saturday: Friday the 13th is closest
    assertThat(proposal.rulesGivenWay()).isEmpty();
    assertThat(proposal.explanation()).contains("30 days after the last visit on 2026-10-14");
  }

  @Test
  void keepsTheRhythmAtTheEndOfFebruaryInALeapYear() {
    assertThat(planner.propose(request("2028-02", "2028-01-31", null)).date()).isEqualTo("2028-02-29");
  }

  @Test
  void movesBeforeTheWeekendAtTheEndOfFebruaryInAnOrdinaryYear() {
    // ideal 2027-02-28 is a Sunday; the Friday before is closer than any March day (not in this month)
    assertThat(planner.propose(request("2027-02", "2027-01-28", null)).date()).isEqualTo("2027-02-26");
  }

  @Test
  void skipsPublicHolidays() {
    var withHoliday = new VisitPlanner(new VisitRules(21, 42, 3, 3, Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"))));

    var proposal = withHoliday.propose(request("2026-12", "2026-11-24", null));

    assertThat(proposal.date()).isEqualTo("2026-12-23");
    assertThat(withHoliday.impossible(LocalDate.parse("2026-12-25"), YearMonth.of(2026, 12), LocalDate.parse("2026-12-01"))).contains("2026-12-25 is a public holiday");
    assertThat(withHoliday.impossible(LocalDate.parse("2026-12-26"), YearMonth.of(2026, 12), LocalDate.parse("2026-12-01"))).contains("2026-12-26 is on a weekend");
  }

  @Test
  void respectsTheTechniciansCapacity() {
    Map<LocalDate, Integer> booked = Map.of(LocalDate.parse("2026-11-13"), 3, LocalDate.parse("2026-11-12"), 2);
    var request = new VisitPlanner.Request(YearMonth.parse("2026-11"), Optional.of(LocalDate.parse("2026-10-14")),
        VisitPreference.ANY_DAY, LocalDate.parse("2020-01-01"), day -> booked.getOrDefault(day, 0));

    var proposal = planner.propose(request);

    assertThat(proposal.date()).isEqualTo("2026-11-16"); // the 13th is full; Monday the 16th is as close as the 12th
    assertThat(planner.violations(LocalDate.parse("2026-11-13"), request))
        .extracting(VisitPlanner.Violation::rule).containsExactly(Rule.CAPACITY);
  }

  @Test
  void honoursThePreferredWeekdayAndTheNthWeekday() {
    // ideal 2026-11-14: Tuesday the 17th is 3 days away, Tuesday the 10th 4
    assertThat(planner.propose(request("2026-11", "2026-10-14", "TUESDAY")).date()).isEqualTo("2026-11-17");
    assertThat(planner.propose(request("2026-11", null, "2nd Tuesday")).date()).isEqualTo("2026-11-10");
    assertThat(planner.propose(request("2026-12", null, "1 MONDAY")).date()).isEqualTo("2026-12-07");
  }

  @Test
  void saysWhichRuleGaveWayWhenNoDateFitsEveryRule() {
    // the second Tuesday of February is 11 days after the last visit: the preference gives way
    var proposal = planner.propose(request("2026-02", "2026-01-30", "2 TUESDAY"));

    assertThat(proposal.rulesGivenWay()).containsExactly(Rule.PREFERRED_DAY);
    assertThat(proposal.date()).isEqualTo("2026-02-27");
    assertThat(proposal.explanation()).contains("No date in 2026-02 meets every rule").contains("preferred day (second Tuesday of the month)");
  }

  @Test
  void givesUpTheMinimumGapOnlyWhenNothingElseHelps() {
    var proposal = planner.propose(request("2026-04", "2026-04-20", null));

    assertThat(proposal.rulesGivenWay()).containsExactly(Rule.MIN_GAP);
    assertThat(proposal.date()).isEqualTo("2026-04-30");
  }

  @Test
  void neverProposesADayBeforeToday() {
    var request = new VisitPlanner.Request(YearMonth.parse("2026-11"), Optional.empty(), VisitPreference.ANY_DAY,
        LocalDate.parse("2026-11-25"), day -> 0);
    assertThat(planner.propose(request).date()).isEqualTo("2026-11-25");

    var lateInTheMonth = new VisitPlanner.Request(YearMonth.parse("2026-11"), Optional.empty(), VisitPreference.ANY_DAY,
        LocalDate.parse("2026-11-28"), day -> 0);
    assertThat(planner.propose(lateInTheMonth).date()).isEqualTo("2026-11-30");

    var tooLate = new VisitPlanner.Request(YearMonth.parse("2027-01"), Optional.empty(), VisitPreference.ANY_DAY,
        LocalDate.parse("2027-01-30"), day -> 0);
    assertThat(planner.propose(tooLate).date()).isEqualTo("2027-02-01");
  }

  @Test
  void refusesNonsensePreferencesAndRules() {
    assertThatThrownBy(() -> VisitPreference.parse("Caturday")).hasMessageContaining("'Caturday' is not a weekday");
    assertThatThrownBy(() -> VisitPreference.parse("7 MONDAY")).hasMessageContaining("weekday");
    assertThatThrownBy(() -> new VisitRules(30, 20, 3, 3, Set.of())).hasMessageContaining("min-gap-days <= max-gap-days");
  }
}
