package org.mmccycle.checklist;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.web.ConflictException;
import org.mmccycle.TestUsers;
import org.mmccycle.onboarding.ClientOnboarding;
import org.mmccycle.onboarding.NewClient;
import org.springframework.beans.factory.annotation.Autowired;

class ChecklistRevisionsTest extends MmcSpringBootTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final YearMonth NOVEMBER = YearMonth.parse("2026-11");

  @Autowired ChecklistRevisions revisions;
  @Autowired ChecklistRevisionRepository repository;
  @Autowired ClientOnboarding onboarding;
  @Autowired IdentityService identity;

  private String slug;

  @BeforeEach
  void onboardedInNovember() {
    TestUsers.technicians(identity);
    slug = "rev-client-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    onboarding.onboard(new NewClient(slug, "Client " + slug, null, null, "tina", null,
        List.of(new NewClient.NewDevice("SRV01", "server"), new NewClient.NewDevice("PRN01", "printer")), List.of()), "sam", NOVEMBER);
  }

  private static Instant inNovember(int day) {
    return NOVEMBER.atDay(day).atTime(10, 0).atZone(BERLIN).toInstant();
  }

  private List<RevisionItem> latestItems() {
    int latest = repository.latestNumber(slug).orElseThrow();
    return new ArrayList<>(revisions.revision(slug, latest).items());
  }

  @Test
  void firstRevisionComesFromTheTemplateForEachDeviceAndTheSite() {
    ChecklistRevision first = revisions.current(slug);

    assertThat(first.number()).isEqualTo(1);
    assertThat(first.published()).isTrue();
    assertThat(first.items()).extracting(RevisionItem::device).contains("SRV01", "PRN01", "Site");
    assertThat(first.items()).filteredOn(i -> i.id().equals("srv01/restore-database")).singleElement()
        .satisfies(i -> assertThat(i.dueMonths()).containsExactly(2, 5, 8, 11)); // anchored at November
  }

  @Test
  void revisionPublishedInNovemberIsWhatDecemberListsAndNotNovember() {
    List<RevisionItem> items = latestItems();
    items.add(new RevisionItem(null, "SRV01", null, "Backups and restore test", "Logs are on D: now: check D:\\Logs", null, null, false));
    ChecklistRevision second = revisions.revise(slug, 1, items, "tina", "Logs moved from C: to D:", NOVEMBER).orElseThrow();
    revisions.publish(slug, second.number(), "sam", inNovember(20));

    assertThat(revisions.itemsDueIn(slug, YearMonth.parse("2026-12"))).extracting(RevisionItem::text).contains("Logs are on D: now: check D:\\Logs");
    assertThat(revisions.itemsDueIn(slug, NOVEMBER)).extracting(RevisionItem::text).doesNotContain("Logs are on D: now: check D:\\Logs");
    assertThat(revisions.inForceIn(slug, YearMonth.parse("2026-12")).number()).isEqualTo(2);
  }

  @Test
  void unpublishedRevisionIsNeverListed() {
    List<RevisionItem> items = latestItems();
    items.removeIf(i -> i.id().equals("prn01/printer-toner") || i.device().equals("PRN01"));
    ChecklistRevision second = revisions.revise(slug, 1, items, "tina", "Printer returned to the leasing company", NOVEMBER).orElseThrow();

    assertThat(second.published()).isFalse();
    assertThat(revisions.itemsDueIn(slug, YearMonth.parse("2026-12"))).extracting(RevisionItem::device).contains("PRN01");
    assertThat(revisions.itemsDueIn(slug, YearMonth.parse("2027-03"))).extracting(RevisionItem::device).contains("PRN01");
    assertThat(revisions.current(slug).number()).isEqualTo(1);
  }

  @Test
  void quarterlyItemIsListedInFourOfTwelveMonths() {
    long months = 0;
    for (int m = 0; m < 12; m++) {
      YearMonth month = YearMonth.parse("2027-01").plusMonths(m);
      if (revisions.itemsDueIn(slug, month).stream().anyMatch(i -> i.id().equals("srv01/restore-database"))) {
        months++;
      }
    }
    assertThat(months).isEqualTo(4);
    assertThat(revisions.itemsDueIn(slug, YearMonth.parse("2027-01"))).extracting(RevisionItem::id).contains("srv01/backup-jobs");
  }

  @Test
  void noChangeCreatesNothingAndAChangeNeedsANote() {
    long before = repository.countRevisions();

    assertThat(revisions.revise(slug, 1, latestItems(), "tina", null, NOVEMBER)).isEmpty();
    assertThat(repository.countRevisions()).isEqualTo(before);

    List<RevisionItem> items = latestItems();
    RevisionItem first = items.get(0);
    items.set(0, new RevisionItem(first.id(), first.device(), first.deviceKind(), first.section(), first.text() + " (and the NAS job)",
        first.frequency(), first.dueMonths(), first.onSiteRequired()));
    assertThatThrownBy(() -> revisions.revise(slug, 1, items, "tina", "  ", NOVEMBER)).hasMessageContaining("changeNote is required");
    assertThat(repository.countRevisions()).isEqualTo(before);
  }

  @Test
  void diffShowsRewordedMovedAndRemovedItemsAndStaleBasesAreRefused() {
    List<RevisionItem> items = latestItems();
    RevisionItem moved = items.remove(0);
    items.add(moved);
    RevisionItem removed = items.remove(0);
    revisions.revise(slug, 1, items, "tina", "Reordered", NOVEMBER).orElseThrow();

    ChecklistDiff diff = revisions.diff(slug, 1, 2);

    assertThat(diff.removed()).extracting(RevisionItem::id).containsExactly(removed.id());
    assertThat(diff.moved()).extracting(ChecklistDiff.Moved::id).containsExactly(moved.id());
    assertThat(diff.added()).isEmpty();
    assertThatThrownBy(() -> revisions.revise(slug, 1, items, "tina", "again", NOVEMBER)).isInstanceOf(ConflictException.class);
    assertThat(revisions.revisions(slug)).extracting(ChecklistRevision::number).containsExactly(1, 2);
  }
}
