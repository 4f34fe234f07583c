package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;
import static org.mmccycle.process.CycleVariables.PUBLISHED_AT;
import static org.mmccycle.process.CycleVariables.PUBLISHED_BY;
import static org.mmccycle.process.CycleVariables.PUBLISHED_CHECKLIST;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.checklist.ChecklistRevision;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.document.ChecklistDocument;
import org.mmccycle.document.PdfRenderer;
import org.mmccycle.publish.PublicationTarget;
import org.springframework.stereotype.Component;

/**
 * Client cycle: publishes the revision (next month's Execute lists it) and its printable checklist:
 * the items due next month, with the revision's number and change note.
 */
@Component
public class PublishChecklistDelegate implements JavaDelegate {

  private final ChecklistRevisions revisions;
  private final PdfRenderer renderer;
  private final PublicationTarget target;

  public PublishChecklistDelegate(ChecklistRevisions revisions, PdfRenderer renderer, PublicationTarget target) {
    this.revisions = revisions;
    this.renderer = renderer;
    this.target = target;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String slug = (String) execution.getVariable(CLIENT_SLUG);
    YearMonth nextMonth = CycleVariables.cycleMonth(execution).plusMonths(1);
    Instant publishedAt = ((Date) execution.getVariable(PUBLISHED_AT)).toInstant();
    int number = ((Number) execution.getVariable(CHECKLIST_REVISION)).intValue();
    ChecklistRevision revision = revisions.publish(slug, number, (String) execution.getVariable(PUBLISHED_BY), publishedAt);
    ChecklistDocument checklist = new ChecklistDocument(slug, (String) execution.getVariable(CLIENT_NAME),
        CycleMonth.format(nextMonth), number, revision.changeNote(), publishedAt, revisions.checklistDueIn(slug, nextMonth));
    String fileName = "checklist-" + CycleMonth.format(nextMonth) + "-r" + number + ".pdf";
    execution.setVariable(PUBLISHED_CHECKLIST, target.publish(slug, fileName, renderer.renderChecklist(checklist)));
  }
}
