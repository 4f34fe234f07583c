package org.mmccycle.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The firm's rules for spacing visits ({@code mmc.schedule.*}): consecutive visits at a client at
 * least {@code minGapDays} and at most {@code maxGapDays} apart, on business days (no weekend, no
 * public holiday), at most {@code maxVisitsPerTechnicianPerDay} for one technician; a client without
 * an on-site visit for {@code onSiteEveryMonths} months must next be visited on site.
 */
@ConfigurationProperties("mmc.schedule")
public record VisitRules(
    @DefaultValue("21") int minGapDays,
    @DefaultValue("42") int maxGapDays,
    @DefaultValue("3") int maxVisitsPerTechnicianPerDay,
    @DefaultValue("3") int onSiteEveryMonths,
    @DefaultValue Set<LocalDate> holidays) {

  public VisitRules {
    if (minGapDays < 1 || maxGapDays < minGapDays) {
      throw new IllegalArgumentException("visit spacing needs 1 <= min-gap-days <= max-gap-days, not " + minGapDays + " and " + maxGapDays);
    }
    if (maxVisitsPerTechnicianPerDay < 1) {
      throw new IllegalArgumentException("max-visits-per-technician-per-day must be at least 1");
    }
    if (onSiteEveryMonths < 1) {
      throw new IllegalArgumentException("on-site-every-months must be at least 1");
    }
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  public static VisitRules defaults() {
    return new VisitRules(21, 42, 3, 3, Set.of());
  }

  public boolean isBusinessDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(date);
  }
}
