package org.mmccycle.checklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.mmccycle.validation.PlainText;
import org.mmccycle.validation.Slug;
import org.mmccycle.validation.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A client's checklist and its revisions: every MMC group reads, service managers revise and publish. */
@RestController
@RequestMapping("/api/clients/{slug}/checklist")
public class ChecklistController {

  /** A new revision: the full new list of items, based on the latest revision, with a change note. */
  public record RevisionRequest(
      @NotNull @Min(1) @Max(1_000_000) Integer baseRevision,
      @NotNull @Size(max = 2000) List<@NotNull @Valid RevisionItem> items,
      @Size(max = Texts.TEXT_MAX) @PlainText(multiline = true) String changeNote) {}

  /** Whether a revision was made: "no change" makes none. */
  public record RevisionResult(boolean created, String detail, ChecklistRevision revision) {}

  private final ChecklistRevisions revisions;
  private final CurrentUser currentUser;
  private final Clock clock;

  public ChecklistController(ChecklistRevisions revisions, CurrentUser currentUser, Clock clock) {
    this.clock = clock;
    this.revisions = revisions;
    this.currentUser = currentUser;
  }

  /** The current (latest published) revision; with {@code ?month=yyyy-MM} only the items due that month. */
  @GetMapping
  public ChecklistRevision current(@PathVariable @Slug String slug, @RequestParam(required = false) YearMonth month) {
    readers();
    if (month == null) {
      return revisions.current(slug);
    }
    ChecklistRevision inForce = revisions.inForceIn(slug, month);
    return inForce.withItems(revisions.itemsDueIn(slug, month));
  }

  @GetMapping("/revisions")
  public List<ChecklistRevision> list(@PathVariable @Slug String slug) {
    readers();
    return revisions.revisions(slug);
  }

  @GetMapping("/revisions/{number}")
  public ChecklistRevision revision(@PathVariable @Slug String slug, @PathVariable int number) {
    readers();
    return revisions.revision(slug, number);
  }

  @GetMapping("/revisions/{a}/diff/{b}")
  public ChecklistDiff diff(@PathVariable @Slug String slug, @PathVariable int a, @PathVariable int b) {
    readers();
    return revisions.diff(slug, a, b);
  }

  @PostMapping("/revisions")
  public ResponseEntity<RevisionResult> revise(@PathVariable @Slug String slug, @Valid @RequestBody RevisionRequest request) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    return revisions.revise(slug, request.baseRevision(), request.items(), currentUser.id(), request.changeNote())
        .map(r -> ResponseEntity.status(HttpStatus.CREATED).body(new RevisionResult(true, "revision " + r.number() + " created, not yet published", r)))
        .orElseGet(() -> ResponseEntity.ok(new RevisionResult(false, "no change: no revision was created", null)));
  }

  @PostMapping("/revisions/{number}/publish")
  public ChecklistRevision publish(@PathVariable @Slug String slug, @PathVariable int number) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    return revisions.publish(slug, number, currentUser.id(), clock.instant());
  }

  private void readers() {
    currentUser.requireAnyGroup(MmcGroups.ALL.toArray(String[]::new));
  }
}
