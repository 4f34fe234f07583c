package org.mmccycle.publish;

import java.time.Clock;
import java.time.YearMonth;
import org.mmccycle.checklist.ChecklistRevision;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.cycle.CycleMonth;
import org.mmccycle.document.ChecklistDocument;
import org.mmccycle.document.PdfRenderer;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.mmccycle.validation.Slug;
import org.mmccycle.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable checklist of a revision for a month: before it is published, what the service manager
 * looks at in Publish checklist; once published, the checklist as it was published (its date). Rendered
 * on request; this publishes nothing.
 */
@RestController
public class ChecklistPreviewController {

  private final ChecklistRevisions revisions;
  private final ClientRepository clients;
  private final PdfRenderer renderer;
  private final CurrentUser currentUser;
  private final Clock clock;

  public ChecklistPreviewController(ChecklistRevisions revisions, ClientRepository clients, PdfRenderer renderer,
      CurrentUser currentUser, Clock clock) {
    this.revisions = revisions;
    this.clients = clients;
    this.renderer = renderer;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** {@code GET /api/clients/{slug}/checklist/revisions/{number}/preview?month=yyyy-MM}: the PDF, shown in the browser. */
  @GetMapping("/api/clients/{slug}/checklist/revisions/{number}/preview")
  public ResponseEntity<byte[]> preview(@PathVariable @Slug String slug, @PathVariable int number, @RequestParam YearMonth month) {
    currentUser.requireAnyGroup(MmcGroups.ALL.toArray(String[]::new));
    var client = clients.find(slug).orElseThrow(() -> new NotFoundException("no contract client '" + slug + "'"));
    ChecklistRevision revision = revisions.revision(slug, number);
    byte[] pdf = renderer.renderChecklist(new ChecklistDocument(slug, client.name(), CycleMonth.format(month), number,
        revision.changeNote(), revision.publishedAt() != null ? revision.publishedAt() : clock.instant(),
        revisions.checklistDueIn(revision, month)));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename((revision.published() ? "" : "preview-") + "checklist-" + CycleMonth.format(month) + "-r" + number + ".pdf")
            .build().toString())
        .body(pdf);
  }
}
