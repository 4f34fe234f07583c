package org.mmccycle.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes visits as an iCalendar (RFC 5545) feed that Outlook and Google Calendar subscribe to: one
 * all-day event per visit, with a stable UID and a SEQUENCE that grows when the visit moves.
 */
public final class ICalendarWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ICalendarWriter.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ICalendarWriter() {}

  public static String write(String calendarName, List<Visit> visits, Instant now) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//MMC Cycle//Visit calendar//EN");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "X-WR-CALNAME:" + text(calendarName));
    for (Visit visit : visits) {
      if (visit.plannedDate().getYear() < 1 || visit.plannedDate().getYear() > 9998) {
        // a date iCalendar cannot write (stored before the visit date had to be near its month): one visit
        // left out, not every subscriber's feed broken
        LOG.warn("Visit {} on {} is left out of the calendar feed: iCalendar dates have four-digit years", visit.uid(), visit.plannedDate());
        continue;
      }
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + text(visit.uid()));
      line(ics, "SEQUENCE:" + visit.sequence());
      line(ics, "DTSTAMP:" + STAMP.format(now));
      line(ics, "LAST-MODIFIED:" + STAMP.format(visit.updatedAt()));
      line(ics, "DTSTART;VALUE=DATE:" + DAY.format(visit.plannedDate()));
      line(ics, "DTEND;VALUE=DATE:" + DAY.format(visit.plannedDate().plusDays(1)));
      line(ics, "SUMMARY:" + text("MMC visit: " + visit.clientName()));
      line(ics, "DESCRIPTION:" + text(description(visit)));
      line(ics, "STATUS:CONFIRMED");
      line(ics, "TRANSP:TRANSPARENT");
      line(ics, "CATEGORIES:" + text(visit.status() == Visit.Status.DONE ? "MMC done" : "MMC planned"));
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  private static String description(Visit visit) {
    String who = visit.technician() == null ? "no technician assigned" : "technician " + visit.technician();
    String state = visit.status() == Visit.Status.DONE
        ? "done " + (Visit.ON_SITE.equals(visit.visitMode()) ? "on site" : "remotely")
        : "planned";
    return "Monthly maintenance " + visit.cycleMonth() + ", " + who + ", " + state + "."
        + (visit.explanation() == null ? "" : "\n" + visit.explanation());
  }

  /** TEXT values: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
        .replaceAll("\\p{Cntrl}", "");
  }

  /** Content lines end in CRLF and fold at 75 octets without splitting a UTF-8 character. */
  private static void line(StringBuilder ics, String content) {
    int octets = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int size = character.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        ics.append(current).append("\r\n ");
        current.setLength(0);
        octets = 1;
      }
      current.append(character);
      octets += size;
      i += Character.charCount(codePoint);
    }
    ics.append(current).append("\r\n");
  }
}
