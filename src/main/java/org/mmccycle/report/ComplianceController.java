package org.mmccycle.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mmccycle.document.CompliancePdf;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/compliance?month=yyyy-MM}: JSON by default; CSV with {@code Accept: text/csv}
 * or {@code format=csv}; PDF with {@code Accept: application/pdf} or {@code format=pdf}. For service
 * managers and process owners.
 */
@RestController
public class ComplianceController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ComplianceReport report;
  private final CompliancePdf pdf;
  private final CurrentUser currentUser;
  private final CycleCalendar clock;

  public ComplianceController(ComplianceReport report, CompliancePdf pdf, CurrentUser currentUser, CycleCalendar clock) {
    this.report = report;
    this.pdf = pdf;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/api/reports/compliance")
  public ResponseEntity<?> compliance(@RequestParam(required = false) String month, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS, MmcGroups.PROCESS_OWNERS);
    var yearMonth = clock.monthOrCurrent(month);
    var compliance = report.forMonth(yearMonth);
    String name = "compliance-" + compliance.month();
    return switch (format(format, accept)) {
      case "csv" -> ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
          .body(report.csv(compliance));
      case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"")
          .body(pdf.render(report.sheet(compliance)));
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(compliance);
    };
  }

  private static String format(String format, String accept) {
    if (format != null) {
      if (!List.of("json", "csv", "pdf").contains(format)) {
        throw new IllegalArgumentException("format must be json, csv or pdf, not '" + format + "'");
      }
      return format;
    }
    if (accept != null) {
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
          return "json";
        }
        if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
          return "csv";
        }
        if (type.equals(MediaType.APPLICATION_PDF)) {
          return "pdf";
        }
      }
    }
    return "json";
  }
}
