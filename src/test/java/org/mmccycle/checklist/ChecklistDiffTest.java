package org.mmccycle.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistDiffTest {

  private static RevisionItem item(String id, String section, String text) {
    return new RevisionItem(id, "SRV01", "Server", section, text, Frequency.MONTHLY, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), false);
  }

  @Test
  void findsAddedRemovedRewordedMovedAndRescheduledItems() {
    var a = item("srv01/a", "Backups", "Check the backup log on C:");
    var b = item("srv01/b", "Backups", "Rotate the tapes");
    var c = item("srv01/c", "Health", "Look at the lights");
    var d = item("srv01/d", "Health", "Test the UPS");
    var before = List.of(a, b, c, d);
    var reworded = new RevisionItem(a.id(), a.device(), a.deviceKind(), a.section(), "Check the backup log on D:", a.frequency(), a.dueMonths(), false);
    var quarterly = new RevisionItem(b.id(), b.device(), b.deviceKind(), b.section(), b.text(), Frequency.QUARTERLY, List.of(1, 4, 7, 10), false);
    var added = item("srv01/e", "Health", "Check the new printer");
    var after = List.of(reworded, d, quarterly, added); // c removed, d moved before b

    ChecklistDiff diff = ChecklistDiff.between("x", 1, before, 2, after);

    assertThat(diff.added()).extracting(RevisionItem::id).containsExactly("srv01/e");
    assertThat(diff.removed()).extracting(RevisionItem::id).containsExactly("srv01/c");
    assertThat(diff.reworded()).extracting(ChecklistDiff.Reworded::after).containsExactly("Check the backup log on D:");
    assertThat(diff.moved()).extracting(ChecklistDiff.Moved::id).containsExactly("srv01/d");
    assertThat(diff.rescheduled()).extracting(ChecklistDiff.Rescheduled::after).containsExactly("quarterly in months 1,4,7,10");
    assertThat(ChecklistDiff.between("x", 1, before, 1, before).isEmpty()).isTrue();
  }

  @Test
  void describesEachChangeOnALineForTheApproverWithTheItemsMarkupShownAsText() {
    var before = List.of(item("srv01/a", "Backups", "Check the *nightly* job"), item("srv01/b", "Backups", "Old item"));
    var after = List.of(item("srv01/a", "Backups", "Check the *nightly* job [NAS]"), item("srv01/c", "Disks", "New_item"));

    String description = ChecklistDiff.between("x", 1, before, 2, after).describe();

    assertThat(description.lines().toList()).containsExactly(
        "Revision 2 against the published revision 1: 1 added, 1 reworded, 0 moved, 0 rescheduled, 1 removed.",
        "",
        "- **Added** SRV01 / Disks: New\\_item",
        "- **Reworded** Check the \\*nightly\\* job → Check the \\*nightly\\* job \\[NAS\\]",
        "- **Removed** SRV01 / Backups: Old item");
    assertThat(ChecklistDiff.between("x", 1, before, 1, before).describe())
        .isEqualTo("Revision 1 has the same items as the published revision 1.");
  }

  @Test
  void saysTheSameChangesAsPlainSentencesForTheBoardAndInTheApisJson() throws Exception {
    var before = List.of(item("srv01/a", "Backups", "Check the *nightly* job"), item("srv01/b", "Backups", "Old item"));
    var after = List.of(item("srv01/a", "Backups", "Check the *nightly* job [NAS]"), item("srv01/c", "Disks", "New_item"));
    ChecklistDiff diff = ChecklistDiff.between("x", 1, before, 2, after);

    assertThat(diff.changes()).containsExactly(
        new ChecklistDiff.Change("Added", "SRV01 / Disks: New_item"),
        new ChecklistDiff.Change("Reworded", "Check the *nightly* job → Check the *nightly* job [NAS]"),
        new ChecklistDiff.Change("Removed", "SRV01 / Backups: Old item"));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(diff);
    assertThat(json.path("summary").asText()).isEqualTo(diff.summary()).startsWith("Revision 2 against the published revision 1: 1 added");
    assertThat(json.path("changes").get(1).path("text").asText()).isEqualTo("Check the *nightly* job → Check the *nightly* job [NAS]");
  }
}
