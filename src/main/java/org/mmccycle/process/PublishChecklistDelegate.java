package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.PUBLISHED_CHECKLIST;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.document.ChecklistDocument;
import org.mmccycle.document.PdfRenderer;
import org.mmccycle.publish.PublicationTarget;
import org.springframework.stereotype.Component;

/** Client cycle: renders the revised checklist and publishes it, ready for next month's visit. */
@Component
public class PublishChecklistDelegate implements JavaDelegate {

  private final CycleSnapshot snapshot;
  private final PdfRenderer renderer;
  private final PublicationTarget target;

  public PublishChecklistDelegate(CycleSnapshot snapshot, PdfRenderer renderer, PublicationTarget target) {
    this.snapshot = snapshot;
    this.renderer = renderer;
    this.target = target;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChecklistDocument checklist = snapshot.checklist(execution);
    YearMonth nextMonth = CycleMonth.parse(checklist.cycleMonth()).plusMonths(1);
    String fileName = "checklist-" + CycleMonth.format(nextMonth) + "-r" + checklist.revision() + ".pdf";
    execution.setVariable(PUBLISHED_CHECKLIST, target.publish(checklist.clientSlug(), fileName, renderer.renderChecklist(checklist)));
  }
}
