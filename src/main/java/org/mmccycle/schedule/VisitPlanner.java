package org.mmccycle.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Proposes a client's visit date in a month and checks a date someone chose. The rules, strongest
 * first: a business day (never given up); the technician's capacity; at least the minimum gap
 * after the last visit; at most the maximum gap; the client's preferred day. When no date in the
 * month satisfies them all, the weakest rules give way one by one, and the proposal says which.
 */
public class VisitPlanner {

  /** A rule a date can break; the order is the order in which they give way (preference first). */
  public enum Rule {
    PREFERRED_DAY("the client's preferred day"),
    MAX_GAP("at most the maximum gap after the last visit"),
    MIN_GAP("at least the minimum gap after the last visit"),
    CAPACITY("the technician's visits per day");

    private final String description;

    Rule(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** What a date breaks, with the reason in words. */
  public record Violation(Rule rule, String reason) {}

  /**
   * What the planner knows of a client's visit.
   *
   * @param lastVisit the client's last visit, if any
   * @param today no visit is proposed before it
   * @param visitsOfTechnician how many visits the technician already has on a day
   */
  public record Request(YearMonth month, Optional<LocalDate> lastVisit, VisitPreference preference, LocalDate today,
      ToIntFunction<LocalDate> visitsOfTechnician) {}

  /** The proposed date, why, and which rules gave way to find it (empty when none did). */
  public record Proposal(LocalDate date, List<Rule> rulesGivenWay, String explanation) {}

  private final VisitRules rules;

  public VisitPlanner(VisitRules rules) {
    this.rules = rules;
  }

  public Proposal propose(Request request) {
    LocalDate first = request.today().isAfter(request.month().atDay(1)) ? request.today() : request.month().atDay(1);
    LocalDate end = request.month().atEndOfMonth();
    List<LocalDate> businessDays = first.isAfter(end) ? List.of()
        : first.datesUntil(end.plusDays(1)).filter(rules::isBusinessDay).toList();
    boolean late = businessDays.isEmpty();
    if (late) {
      // opened after the month (or on its last days, after its last business day): the next business day
      businessDays = List.of(first.datesUntil(first.plusDays(30)).filter(rules::isBusinessDay).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no business day within 30 days of " + first)));
    }
    Set<Rule> givenWay = EnumSet.noneOf(Rule.class);
    Optional<LocalDate> date = closestToIdeal(businessDays, request, givenWay);
    for (Rule weakest : Rule.values()) {
      if (date.isPresent()) {
        break;
      }
      givenWay.add(weakest);
      date = closestToIdeal(businessDays, request, givenWay);
    }
    LocalDate proposed = date.orElseThrow();
    List<Violation> broken = violations(proposed, request);
    String explanation = explain(proposed, request, broken);
    if (late) {
      explanation = request.month() + " has no business day left after " + request.today() + ": the visit is late, on the next "
          + "business day. " + explanation;
    }
    return new Proposal(proposed, broken.stream().map(Violation::rule).toList(), explanation);
  }

  private Optional<LocalDate> closestToIdeal(List<LocalDate> days, Request request, Set<Rule> givenWay) {
    return days.stream()
        .filter(day -> violations(day, request).stream().allMatch(v -> givenWay.contains(v.rule())))
        .min(Comparator.comparingLong(day -> distanceFromIdeal(day, request)));
  }

  /** Every rule the date breaks (a weekend or holiday is reported as well, and can't be overridden). */
  public List<Violation> violations(LocalDate date, Request request) {
    List<Violation> violations = new ArrayList<>();
    if (!request.preference().matches(date)) {
      violations.add(new Violation(Rule.PREFERRED_DAY, date + " is not the client's preferred day (" + request.preference() + ")"));
    }
    request.lastVisit().ifPresent(last -> {
      long gap = ChronoUnit.DAYS.between(last, date);
      if (gap < rules.minGapDays()) {
        violations.add(new Violation(Rule.MIN_GAP, date + " is only " + gap + " days after the last visit on " + last
            + " (at least " + rules.minGapDays() + ")"));
      } else if (gap > rules.maxGapDays()) {
        violations.add(new Violation(Rule.MAX_GAP, date + " is " + gap + " days after the last visit on " + last
            + " (at most " + rules.maxGapDays() + ")"));
      }
    });
    int booked = request.visitsOfTechnician().applyAsInt(date);
    if (booked >= rules.maxVisitsPerTechnicianPerDay()) {
      violations.add(new Violation(Rule.CAPACITY, "the technician already has " + booked + " visits on " + date
          + " (at most " + rules.maxVisitsPerTechnicianPerDay() + ")"));
    }
    return violations;
  }

  /**
   * Whether a person may choose the date at all: a business day, not before today, and near the cycle's
   * month (from the month before to the month after it, or up to the longest gap from today for a month
   * that is over): a typo such as 9999-12-31 is refused, not planned.
   */
  public Optional<String> impossible(LocalDate date, YearMonth month, LocalDate today) {
    LocalDate earliest = month.minusMonths(1).atDay(1);
    LocalDate latest = month.plusMonths(1).atEndOfMonth();
    if (today.plusDays(rules.maxGapDays()).isAfter(latest)) {
      latest = today.plusDays(rules.maxGapDays());
    }
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      return Optional.of(date + " is not near the cycle's month " + month + " (choose a day from " + earliest + " to " + latest + ")");
    }
    if (!rules.isBusinessDay(date)) {
      return Optional.of(date + " is " + (rules.holidays().contains(date) ? "a public holiday" : "on a weekend"));
    }
    if (date.isBefore(today)) {
      return Optional.of(date + " is in the past");
    }
    return Optional.empty();
  }

  /** Visits keep their rhythm: the ideal is a month after the last one, else early in the month. */
  private long distanceFromIdeal(LocalDate day, Request request) {
    LocalDate ideal = request.lastVisit()
        .map(last -> last.plusMonths(1))
        .orElse(request.month().atDay(1));
    return Math.abs(ChronoUnit.DAYS.between(ideal, day)) * 2 + (day.isBefore(ideal) ? 1 : 0);
  }

  private String explain(LocalDate date, Request request, List<Violation> broken) {
    StringBuilder why = new StringBuilder("Proposed " + date + " (" + date.getDayOfWeek() + "): ");
    why.append(request.lastVisit().map(last -> ChronoUnit.DAYS.between(last, date) + " days after the last visit on " + last)
        .orElse("no earlier visit on record"));
    if (!request.preference().isAnyDay()) {
      why.append("; preferred: ").append(request.preference());
    }
    if (!broken.isEmpty()) {
      why.append(". No date in ").append(request.month()).append(" meets every rule; gave way: ");
      why.append(String.join("; ", broken.stream().map(Violation::reason).toList()));
    }
    return why.toString();
  }
}
