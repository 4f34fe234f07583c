package org.mmccycle.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The firm's visit calendar: proposes each cycle's visit with the {@link VisitPlanner}, confirms or
 * refuses the date a person chooses, records executed visits, and applies the on-site policy.
 */
@Service
public class VisitCalendar {

  /** A visit planned for a cycle, and whether it must be on site. */
  public record PlannedVisit(Visit visit, boolean onSiteRequired, List<VisitPlanner.Rule> rulesGivenWay) {}

  /** A refused date: the reasons say which rules it breaks. */
  public static class VisitRefusedException extends IllegalArgumentException {
    public VisitRefusedException(String message) {
      super(message);
    }
  }

  private final VisitRepository visits;
  private final VisitRules rules;
  private final VisitPlanner planner;
  private final JdbcClient jdbc;

  public VisitCalendar(VisitRepository visits, VisitRules rules, JdbcClient jdbc) {
    this.visits = visits;
    this.rules = rules;
    this.planner = new VisitPlanner(rules);
    this.jdbc = jdbc;
  }

  /** Plans the cycle's visit once: a second call returns the visit already planned. */
  @Transactional
  public PlannedVisit plan(String clientSlug, YearMonth month, LocalDate today) {
    String cycleMonth = month.toString();
    Optional<Visit> existing = visits.find(clientSlug, cycleMonth);
    if (existing.isPresent()) {
      return new PlannedVisit(existing.get(), onSiteRequired(clientSlug, month), List.of());
    }
    String technician = technicianOf(clientSlug);
    VisitPlanner.Proposal proposal = planner.propose(request(clientSlug, month, technician, today));
    visits.insert(uid(clientSlug, cycleMonth), clientSlug, cycleMonth, technician, proposal.date(), proposal.explanation());
    return new PlannedVisit(visits.find(clientSlug, cycleMonth).orElseThrow(), onSiteRequired(clientSlug, month), proposal.rulesGivenWay());
  }

  /**
   * Confirms or moves the visit. A date on a weekend, a holiday or in the past is always refused; a
   * date that breaks spacing or capacity only with a service manager's override and its reason.
   */
  @Transactional
  public Visit confirm(String clientSlug, YearMonth month, LocalDate date, LocalDate today, String user,
      boolean mayOverride, String overrideReason) {
    planner.impossible(date, month, today).ifPresent(reason -> {
      throw new VisitRefusedException("The visit cannot be on " + date + ": " + reason + ".");
    });
    String cycleMonth = month.toString();
    Visit visit = visits.find(clientSlug, cycleMonth).orElseGet(() -> plan(clientSlug, month, today).visit());
    if (date.equals(visit.plannedDate()) && visit.overrideReason() == null) {
      return visit; // kept as planned: nothing to check against the rules (the planner did) and nothing to store
    }
    List<VisitPlanner.Violation> broken = planner.violations(date, request(clientSlug, month, visit.technician(), today)).stream()
        .filter(v -> v.rule() != VisitPlanner.Rule.PREFERRED_DAY)
        .toList();
    // the planner's own proposal is kept as proposed: where a rule gave way, its explanation says which
    boolean overridden = !broken.isEmpty() && !date.equals(visit.plannedDate());
    if (overridden && (!mayOverride || overrideReason == null || overrideReason.isBlank())) {
      throw new VisitRefusedException("The visit cannot be on " + date + ": "
          + String.join("; ", broken.stream().map(VisitPlanner.Violation::reason).toList())
          + (mayOverride ? ". Give a reason to override." : ". Only a service manager can override this, with a reason."));
    }
    String explanation = date.equals(visit.plannedDate()) ? visit.explanation() : "Moved to " + date + " by " + user;
    visits.move(clientSlug, cycleMonth, date, explanation, overridden ? overrideReason.trim() : null, overridden ? user : null);
    return visits.find(clientSlug, cycleMonth).orElseThrow();
  }

  /** Records the executed visit; a cycle that was never scheduled gets its visit on the day it was done. */
  @Transactional
  public void recordExecution(String clientSlug, YearMonth month, String visitMode, Instant executedAt, LocalDate day) {
    if (!Visit.ON_SITE.equals(visitMode) && !Visit.REMOTE.equals(visitMode)) {
      throw new IllegalArgumentException("a visit is on-site or remote, not '" + visitMode + "'");
    }
    String cycleMonth = month.toString();
    if (visits.find(clientSlug, cycleMonth).isEmpty()) {
      visits.insert(uid(clientSlug, cycleMonth), clientSlug, cycleMonth, technicianOf(clientSlug), day, "Recorded when executed");
    }
    visits.markDone(clientSlug, cycleMonth, visitMode, Timestamp.from(executedAt));
  }

  /**
   * The on-site policy: a client without an on-site visit in the last {@code onSiteEveryMonths}
   * months (or never) must be visited on site this month.
   */
  public boolean onSiteRequired(String clientSlug, YearMonth month) {
    LocalDate limit = month.minusMonths(rules.onSiteEveryMonths()).atDay(1);
    return visits.lastOnSiteVisit(clientSlug).map(last -> last.isBefore(limit)).orElse(true);
  }

  private VisitPlanner.Request request(String clientSlug, YearMonth month, String technician, LocalDate today) {
    return new VisitPlanner.Request(month, visits.lastVisitBefore(clientSlug, month), preferenceOf(clientSlug), today,
        day -> visits.visitsOfTechnicianOn(technician, day, clientSlug));
  }

  private VisitPreference preferenceOf(String clientSlug) {
    return VisitPreference.parse(jdbc.sql("select visit_preference from mmc_client where slug = ?")
        .param(clientSlug).query(String.class).optional().orElse(null));
  }

  private String technicianOf(String clientSlug) {
    return jdbc.sql("select technician from mmc_client where slug = ?").param(clientSlug).query(String.class).optional().orElse(null);
  }

  static String uid(String clientSlug, String cycleMonth) {
    return "visit-" + clientSlug + "-" + cycleMonth + "@mmc-cycle";
  }
}
