package org.mmccycle.process;

import org.mmccycle.cycle.CycleMonth;
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
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.document.ChecklistDocument;
import org.mmccycle.document.PdfRenderer;
import org.mmccycle.publish.PublicationTarget;
import org.springframework.stereotype.Component;

/**
 * Client cycle: publishes the revision (next month's Execute lists it) and its printable checklist:
 * the items due next month, with the revision's number and change note. The client, the month and the
 * revision are the cycle's record's: the one its Revise made, else the one it executed.
 */
@Component
public class PublishChecklistDelegate implements JavaDelegate {

  private final ChecklistRevisions revisions;
  private final PdfRenderer renderer;
  private final PublicationTarget target;
  private final CycleRecords records;

  public PublishChecklistDelegate(ChecklistRevisions revisions, PdfRenderer renderer, PublicationTarget target, CycleRecords records) {
    this.revisions = revisions;
    this.renderer = renderer;
    this.target = target;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CycleRecord cycle = records.of(execution.getProcessInstanceId());
    String slug = cycle.clientSlug();
    YearMonth nextMonth = cycle.month().plusMonths(1);
    Instant publishedAt = ((Date) execution.getVariable(PUBLISHED_AT)).toInstant();
    int number = RevisionListener.revisionToPublish(execution, cycle);
    ChecklistRevision revision = revisions.publish(slug, number, (String) execution.getVariable(PUBLISHED_BY), publishedAt);
    ChecklistDocument checklist = new ChecklistDocument(slug, cycle.clientName(), CycleMonth.format(nextMonth), number,
        revision.changeNote(), publishedAt, revisions.checklistDueIn(slug, nextMonth));
    String fileName = "checklist-" + CycleMonth.format(nextMonth) + "-r" + number + ".pdf";
    execution.setVariable(PUBLISHED_CHECKLIST, target.publish(slug, fileName, renderer.renderChecklist(checklist)));
  }
}
