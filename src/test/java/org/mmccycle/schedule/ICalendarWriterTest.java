package org.mmccycle.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class ICalendarWriterTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static Visit visit(String slug, String name, String date, int sequence, Visit.Status status, String mode) {
    return new Visit(1, VisitCalendar.uid(slug, "2026-11"), slug, name, "2026-11", "tina", LocalDate.parse(date), status, mode,
        null, sequence, "Proposed " + date, null, null, NOW);
  }

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
  }

  @Test
  void writesOneAllDayEventPerVisitThatIcal4jReadsBack() throws Exception {
    String ics = ICalendarWriter.write("MMC visits", List.of(
        visit("harbour-dental", "Harbour Dental Practice", "2026-11-16", 0, Visit.Status.PLANNED, null),
        visit("kessler-law", "Kessler & Partner; Law, Office", "2026-11-17", 2, Visit.Status.DONE, Visit.ON_SITE)), NOW);

    List<VEvent> events = parse(ics).getComponents("VEVENT");

    assertThat(events).hasSize(2);
    assertThat(value(events.get(0), "UID")).isEqualTo("visit-harbour-dental-2026-11@mmc-cycle");
    assertThat(value(events.get(0), "SEQUENCE")).isEqualTo("0");
    assertThat(value(events.get(0), "DTSTART")).isEqualTo("20261116");
    assertThat(value(events.get(1), "SUMMARY")).isEqualTo("MMC visit: Kessler & Partner; Law, Office");
    assertThat(value(events.get(1), "SEQUENCE")).isEqualTo("2");
    assertThat(value(events.get(1), "DESCRIPTION")).contains("done on site");
    assertThat(ics).contains("\r\n").doesNotContain("\n\n");
  }

  @Test
  void keepsTheUidAndRaisesTheSequenceWhenAVisitMoves() throws Exception {
    VEvent before = parse(ICalendarWriter.write("x", List.of(visit("a", "A", "2026-11-16", 0, Visit.Status.PLANNED, null)), NOW))
        .<VEvent>getComponents("VEVENT").get(0);
    VEvent after = parse(ICalendarWriter.write("x", List.of(visit("a", "A", "2026-11-19", 1, Visit.Status.PLANNED, null)), NOW))
        .<VEvent>getComponents("VEVENT").get(0);

    assertThat(value(after, "UID")).isEqualTo(value(before, "UID"));
    assertThat(Integer.parseInt(value(after, "SEQUENCE"))).isGreaterThan(Integer.parseInt(value(before, "SEQUENCE")));
    assertThat(value(after, "DTSTART")).isEqualTo("20261119");
  }

  @Test
  void foldsLongLinesWithoutBreakingCharactersAndDropsControlCharacters() throws Exception {
    String longName = "Zahnarztpraxis Dr. Müller-Lüdenscheidt und Kollegen – Überörtliche Berufsausübungsgemeinschaft \u0007";
    String ics = ICalendarWriter.write("x", List.of(visit("z", longName, "2026-11-16", 0, Visit.Status.PLANNED, null)), NOW);

    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    VEvent event = parse(ics).<VEvent>getComponents("VEVENT").get(0);
    assertThat(value(event, "SUMMARY")).isEqualTo("MMC visit: " + longName.replace(" \u0007", ""));
  }
}
