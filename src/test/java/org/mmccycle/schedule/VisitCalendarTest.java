package org.mmccycle.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.client.Device;
import org.mmccycle.client.DeviceKind;
import org.springframework.beans.factory.annotation.Autowired;

class VisitCalendarTest extends MmcSpringBootTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final LocalDate LONG_AGO = LocalDate.parse("2020-01-01");

  @Autowired VisitCalendar calendar;
  @Autowired VisitRepository visits;
  @Autowired ClientRepository clients;

  private String slug;

  @BeforeEach
  void newClient() {
    slug = "visit-client-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    clients.insert(new ContractClient(slug, "Client " + slug, null, null, "technician-of-" + slug, true,
        List.of(new Device("SRV01", DeviceKind.SERVER))));
  }

  private void visited(String day, String mode) {
    LocalDate date = LocalDate.parse(day);
    calendar.recordExecution(slug, YearMonth.from(date), mode, Instant.parse(day + "T10:00:00Z"), date);
  }

  @Test
  void plansOnceAndRequiresAFirstVisitOnSite() {
    var first = calendar.plan(slug, YearMonth.parse("2026-11"), LONG_AGO);
    var again = calendar.plan(slug, YearMonth.parse("2026-11"), LONG_AGO);

    assertThat(first.visit().plannedDate()).isEqualTo("2026-11-02"); // no earlier visit: the first business day
    assertThat(first.onSiteRequired()).isTrue();
    assertThat(again.visit().id()).isEqualTo(first.visit().id());
    assertThat(visits.ofClient(slug)).hasSize(1);
  }

  @Test
  void keepingTheProposedDateStoresNothingButMovingBackAfterAnOverrideClearsIt() {
    YearMonth march = YearMonth.parse("2027-03");
    visited("2027-02-26", Visit.ON_SITE);
    Visit proposed = calendar.plan(slug, march, LONG_AGO).visit();

    Visit kept = calendar.confirm(slug, march, proposed.plannedDate(), LONG_AGO, "tina", false, null);

    assertThat(kept).isEqualTo(proposed);
    assertThat(visits.find(slug, "2027-03").orElseThrow()).as("not written again").isEqualTo(proposed);
    LocalDate firstOfMarch = LocalDate.parse("2027-03-01");
    calendar.confirm(slug, march, firstOfMarch, LONG_AGO, "sam", true, "Server move on the 1st");
    Visit back = calendar.confirm(slug, march, proposed.plannedDate(), LONG_AGO, "sam", true, null);
    assertThat(back.plannedDate()).isEqualTo(proposed.plannedDate());
    assertThat(back.overrideReason()).as("the override no longer applies").isNull();
    assertThat(back.sequence()).as("moved twice").isEqualTo(proposed.sequence() + 2);
    assertThatThrownBy(() -> calendar.confirm(slug, march, proposed.plannedDate(), proposed.plannedDate().plusDays(1), "tina", false, null))
        .as("the proposed date, once past, is refused like any other").hasMessageContaining("past");
  }

  @Test
  void refusesTheFirstOfMarchAfterAVisitOnTheTwentySixthOfFebruaryUnlessAManagerOverridesWithAReason() {
    visited("2027-02-26", Visit.ON_SITE);
    var planned = calendar.plan(slug, YearMonth.parse("2027-03"), LONG_AGO);
    assertThat(planned.visit().plannedDate()).isAfterOrEqualTo("2027-03-19");
    YearMonth march = YearMonth.parse("2027-03");
    LocalDate firstOfMarch = LocalDate.parse("2027-03-01");

    assertThatThrownBy(() -> calendar.confirm(slug, march, firstOfMarch, LONG_AGO, "tina", false, "client asked"))
        .isInstanceOf(VisitCalendar.VisitRefusedException.class)
        .hasMessageContaining("only 3 days after the last visit on 2027-02-26")
        .hasMessageContaining("Only a service manager can override");
    assertThatThrownBy(() -> calendar.confirm(slug, march, firstOfMarch, LONG_AGO, "sam", true, " "))
        .hasMessageContaining("Give a reason to override");
    assertThat(visits.find(slug, "2027-03").orElseThrow().plannedDate()).isEqualTo(planned.visit().plannedDate());

    Visit moved = calendar.confirm(slug, march, firstOfMarch, LONG_AGO, "sam", true, "Server move on the 1st needs us there");

    assertThat(moved.plannedDate()).isEqualTo(firstOfMarch);
    assertThat(moved.overrideReason()).isEqualTo("Server move on the 1st needs us there");
    assertThat(moved.overriddenBy()).isEqualTo("sam");
    assertThat(moved.sequence()).isEqualTo(planned.visit().sequence() + 1);
  }

  @Test
  void refusesWeekendsHolidaysAndPastDatesEvenForManagers() {
    calendar.plan(slug, YearMonth.parse("2026-11"), LONG_AGO);

    assertThatThrownBy(() -> calendar.confirm(slug, YearMonth.parse("2026-11"), LocalDate.parse("2026-11-14"), LONG_AGO, "sam", true, "x"))
        .hasMessageContaining("2026-11-14 is on a weekend");
    assertThatThrownBy(() -> calendar.confirm(slug, YearMonth.parse("2026-11"), LocalDate.parse("2026-11-10"),
        LocalDate.parse("2026-11-20"), "sam", true, "x"))
        .hasMessageContaining("2026-11-10 is in the past");
  }

  @Test
  void flagsAClientWithoutAnOnSiteVisitForThreeMonths() {
    visited("2026-01-15", Visit.ON_SITE);
    visited("2026-02-16", Visit.REMOTE);
    visited("2026-03-16", Visit.REMOTE);
    visited("2026-04-15", Visit.REMOTE);

    assertThat(calendar.onSiteRequired(slug, YearMonth.parse("2026-02"))).isFalse();
    assertThat(calendar.onSiteRequired(slug, YearMonth.parse("2026-03"))).isFalse();
    assertThat(calendar.onSiteRequired(slug, YearMonth.parse("2026-04"))).isFalse();
    assertThat(calendar.onSiteRequired(slug, YearMonth.parse("2026-05"))).isTrue();
    assertThat(visits.lastOnSiteVisit(slug)).contains(LocalDate.parse("2026-01-15"));
  }

  @Test
  void recordsAnExecutedVisitAsDoneAndRefusesAnUnknownVisitMode() {
    calendar.plan(slug, YearMonth.parse("2026-11"), LONG_AGO);
    visited("2026-11-02", Visit.REMOTE);

    Visit done = visits.find(slug, "2026-11").orElseThrow();
    assertThat(done.status()).isEqualTo(Visit.Status.DONE);
    assertThat(done.displayStatus(LocalDate.parse("2026-11-25"))).isEqualTo("done remotely");
    assertThatThrownBy(() -> calendar.recordExecution(slug, YearMonth.parse("2026-11"), "teleported", Instant.now(), LocalDate.now()))
        .hasMessageContaining("on-site or remote, not 'teleported'");
  }
}
