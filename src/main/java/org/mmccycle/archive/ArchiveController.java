package org.mmccycle.archive;

import java.util.List;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The archive over HTTP: search across clients and months and download filed PDFs (every MMC
 * group), and verify the archive against its index (service managers and process owners).
 */
@RestController
@RequestMapping("/api/archive")
public class ArchiveController {

  private static final String[] EVERY_GROUP = MmcGroups.ALL.toArray(String[]::new);

  private final ArchiveSearch search;
  private final ArchiveReader reader;
  private final ArchiveVerifier verifier;
  private final CurrentUser currentUser;

  public ArchiveController(ArchiveSearch search, ArchiveReader reader, ArchiveVerifier verifier, CurrentUser currentUser) {
    this.search = search;
    this.reader = reader;
    this.verifier = verifier;
    this.currentUser = currentUser;
  }

  /** {@code GET /api/archive/records?client=&from=yyyy-MM&to=yyyy-MM&status=&section=&text=&limit=} */
  @GetMapping("/records")
  public List<RecordHit> records(
      @RequestParam(required = false) String client,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) String text,
      @RequestParam(defaultValue = "" + RecordQuery.DEFAULT_LIMIT) int limit) {
    currentUser.requireAnyGroup(EVERY_GROUP);
    return search.search(new RecordQuery(client, from, to, status, section, text, limit));
  }

  /** {@code GET /api/archive/records/{id}/pdf}: the filed PDF, refused if it no longer matches its checksum. */
  @GetMapping("/records/{id}/pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable long id) {
    currentUser.requireAnyGroup(EVERY_GROUP);
    var pdf = reader.pdf(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no filed record " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
        .header("X-Checksum-SHA256", pdf.sha256())
        .body(pdf.content());
  }

  /** {@code GET /api/archive/verify}: the files on disk against the index and the manifest. */
  @GetMapping("/verify")
  public VerificationReport verify() {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS, MmcGroups.PROCESS_OWNERS);
    return verifier.verify();
  }

  @ExceptionHandler(ArchiveIntegrityException.class)
  ProblemDetail integrity(ArchiveIntegrityException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }
}
