package org.mmccycle.checklist;

import java.util.List;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/checklists/published}: every active client's published checklist (every MMC group reads). */
@RestController
public class PublishedChecklistController {

  private final ChecklistRevisions revisions;
  private final CurrentUser currentUser;

  public PublishedChecklistController(ChecklistRevisions revisions, CurrentUser currentUser) {
    this.revisions = revisions;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/checklists/published")
  public List<PublishedChecklist> published() {
    currentUser.requireAnyGroup(MmcGroups.ALL.toArray(String[]::new));
    return revisions.published();
  }
}
