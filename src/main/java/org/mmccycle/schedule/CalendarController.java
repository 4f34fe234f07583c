package org.mmccycle.schedule;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.mmccycle.client.Technicians;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleMonth;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The visit calendar: visits by month, client or technician, the last on-site visit, a month view
 * for the office, and secret iCalendar feed URLs (the feed itself is served without a login, by token).
 */
@RestController
public class CalendarController {

  public record FeedUrl(String url, String technician) {}

  public record LastOnSite(String clientSlug, LocalDate date, boolean onSiteRequiredThisMonth) {}

  private final VisitRepository visits;
  private final VisitCalendar calendar;
  private final CalendarFeeds feeds;
  private final CurrentUser currentUser;
  private final CycleCalendar clock;
  private final Technicians technicians;

  public CalendarController(VisitRepository visits, VisitCalendar calendar, CalendarFeeds feeds, CurrentUser currentUser, CycleCalendar clock,
      Technicians technicians) {
    this.technicians = technicians;
    this.visits = visits;
    this.calendar = calendar;
    this.feeds = feeds;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** All visits of a month, of a client, or of a technician (exactly one of the three). */
  @GetMapping("/api/calendar/visits")
  public List<Visit> visits(@RequestParam(required = false) String month, @RequestParam(required = false) String client,
      @RequestParam(required = false) String technician) {
    currentUser.id();
    int given = (month == null ? 0 : 1) + (client == null ? 0 : 1) + (technician == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalArgumentException("give exactly one of month (yyyy-MM), client or technician");
    }
    if (month != null) {
      return visits.inMonth(CycleMonth.parse(month));
    }
    return client != null ? visits.ofClient(client) : visits.ofTechnician(technician);
  }

  @GetMapping("/api/calendar/clients/{clientSlug}/last-on-site")
  public LastOnSite lastOnSite(@PathVariable String clientSlug) {
    currentUser.id();
    return new LastOnSite(clientSlug, visits.lastOnSiteVisit(clientSlug).orElse(null),
        calendar.onSiteRequired(clientSlug, clock.currentMonth()));
  }

  /** The office's month view: visits coloured by status, day by day. */
  @GetMapping(value = "/api/calendar/month", produces = MediaType.TEXT_HTML_VALUE)
  public String monthView(@RequestParam(required = false) String month) {
    currentUser.id();
    YearMonth yearMonth = clock.monthOrCurrent(month);
    return MonthView.render(yearMonth, visits.inMonth(yearMonth), clock.today());
  }

  /** A secret feed URL: a technician's own visits, or (service managers) the whole firm's. */
  @PostMapping("/api/calendar/feeds")
  @ResponseStatus(HttpStatus.CREATED)
  public FeedUrl createFeed(@RequestParam(required = false) String technician) {
    String user = currentUser.id();
    if (technician == null || !technician.equals(user)) {
      currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    }
    String problem = technician == null ? null : technicians.problem(technician);
    if (problem != null) {
      throw new IllegalArgumentException("technician: " + problem);
    }
    String token = feeds.create(technician, user);
    String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics").buildAndExpand(token).toUriString();
    return new FeedUrl(url, technician);
  }

  @GetMapping("/calendar/{token}.ics")
  public ResponseEntity<String> feed(@PathVariable String token) {
    CalendarFeeds.Feed feed = feeds.find(token)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such calendar feed"));
    List<Visit> shown = feed.wholeFirm() ? visits.all() : visits.ofTechnician(feed.technician());
    String name = feed.wholeFirm() ? "MMC visits" : "MMC visits of " + feed.technician();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store")
        .body(ICalendarWriter.write(name, shown, clock.now()));
  }

}
