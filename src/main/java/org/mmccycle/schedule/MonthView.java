package org.mmccycle.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** A small server-rendered month calendar of visits, coloured by status; every text is escaped. */
final class MonthView {

  private static final Map<String, String> COLOURS = Map.of(
      "planned", "#dbe9ff", "done on site", "#c8efc8", "done remotely", "#fff0b3", "overdue", "#ffc9c9");

  private MonthView() {}

  static String render(YearMonth month, List<Visit> visits, LocalDate today) {
    Map<LocalDate, List<Visit>> byDay = visits.stream().collect(Collectors.groupingBy(Visit::plannedDate));
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>MMC visits %1$s</title>
        <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%%}
        td,th{border:1px solid #ccc;vertical-align:top;width:14%%;height:6em;padding:4px;font-size:13px}
        .day{font-weight:bold;color:#555}.visit{border-radius:4px;padding:2px 4px;margin:2px 0}
        .legend span{padding:2px 6px;margin-right:8px;border-radius:4px}nav a{margin-right:1em}</style></head><body>
        <h1>MMC visits, %2$s</h1><nav><a href="?month=%3$s">&larr; %3$s</a><a href="?month=%4$s">%4$s &rarr;</a></nav>
        <p class="legend">""".formatted(month, month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear(),
        month.minusMonths(1), month.plusMonths(1)));
    COLOURS.forEach((status, colour) -> html.append("<span style=\"background:").append(colour).append("\">").append(status).append("</span>"));
    html.append("</p><table><tr>");
    for (DayOfWeek day : DayOfWeek.values()) {
      html.append("<th>").append(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append("</th>");
    }
    html.append("</tr><tr>");
    int leading = month.atDay(1).getDayOfWeek().getValue() - 1;
    html.append("<td></td>".repeat(leading));
    for (int dayOfMonth = 1; dayOfMonth <= month.lengthOfMonth(); dayOfMonth++) {
      LocalDate date = month.atDay(dayOfMonth);
      if (date.getDayOfWeek() == DayOfWeek.MONDAY && dayOfMonth > 1) {
        html.append("</tr><tr>");
      }
      html.append("<td><div class=\"day\">").append(dayOfMonth).append("</div>");
      for (Visit visit : byDay.getOrDefault(date, List.of())) {
        String status = visit.displayStatus(today);
        html.append("<div class=\"visit\" data-status=\"").append(status).append("\" style=\"background:").append(COLOURS.get(status))
            .append("\" title=\"").append(HtmlUtils.htmlEscape(status)).append("\">")
            .append(HtmlUtils.htmlEscape(visit.clientName()))
            .append(visit.technician() == null ? "" : " <small>(" + HtmlUtils.htmlEscape(visit.technician()) + ")</small>")
            .append("</div>");
      }
      html.append("</td>");
    }
    html.append("</tr></table></body></html>");
    return html.toString();
  }
}
