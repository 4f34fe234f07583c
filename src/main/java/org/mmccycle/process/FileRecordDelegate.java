package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.FILED_RECORD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.archive.FiledRecord;
import org.mmccycle.archive.RecordArchive;
import org.mmccycle.document.PdfRenderer;
import org.mmccycle.document.VisitRecord;
import org.springframework.stereotype.Component;

/** Client cycle: renders the completed record (PDF/A) and files it with its data beside it. */
@Component
public class FileRecordDelegate implements JavaDelegate {

  private final CycleSnapshot snapshot;
  private final PdfRenderer renderer;
  private final RecordArchive archive;
  private final ObjectMapper mapper;

  public FileRecordDelegate(CycleSnapshot snapshot, PdfRenderer renderer, RecordArchive archive, ObjectMapper mapper) {
    this.snapshot = snapshot;
    this.renderer = renderer;
    this.archive = archive;
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    VisitRecord record = snapshot.record(execution);
    FiledRecord filed = archive.file(record, renderer.renderRecord(record),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(record));
    execution.setVariable(FILED_RECORD, filed.pdf().toString());
  }
}
