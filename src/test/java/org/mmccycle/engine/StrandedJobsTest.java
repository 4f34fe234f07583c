package org.mmccycle.engine;

import org.mmccycle.process.CycleOpener;
import org.mmccycle.cycle.CycleMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StrandedJobsTest extends MmcSpringBootTest {

  @Autowired StrandedJobs strandedJobs;
  @Autowired CycleOpener opener;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @Test
  void aPrepareJobWhoseProcessInstanceRowIsGoneIsFoundWithItsCycleAndOthersAreNot() {
    var intact = opener.open(fixture.activeClient("Intact Bakery").slug(), YearMonth.of(2031, 7));
    var client = fixture.activeClient("Stranded Garage");
    var broken = opener.open(client.slug(), YearMonth.of(2031, 7));
    Job job = managementService.createJobQuery().processInstanceId(broken.processInstanceId()).singleResult();
    // what H2 left after a kill -9: the job and the history, without the process instance's rows
    jdbc.sql("delete from ACT_RU_VARIABLE where PROC_INST_ID_ = ?").param(broken.processInstanceId()).update();
    jdbc.sql("delete from ACT_RU_EXECUTION where ID_ = ?").param(broken.processInstanceId()).update();
    try {
      assertThat(strandedJobs.find()).containsExactly(new StrandedJobs.StrandedJob(job.getId(), "Task_PrepareChecklist",
          broken.processInstanceId(), CycleMonth.businessKey(client.slug(), YearMonth.of(2031, 7))));
      assertThat(strandedJobs.report()).isEqualTo(1);
      assertThat(strandedJobs.find()).extracting(StrandedJobs.StrandedJob::processInstanceId)
          .doesNotContain(intact.processInstanceId());
      // it can only fail: after its three tries it is an incident in Cockpit (under the model: the instance is gone)
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("Cannot find execution");
      }
      assertThat(incidents(job)).extracting(Incident::getActivityId).containsExactly("Task_PrepareChecklist");
    } finally {
      // the repair (docs/operations.md): DELETE /engine-rest/job/{id} does this
      managementService.deleteJob(job.getId());
    }
    assertThat(strandedJobs.find()).isEmpty();
    assertThat(incidents(job)).as("gone with its job").isEmpty();
  }

  private List<Incident> incidents(Job job) {
    return processEngine.getRuntimeService().createIncidentQuery().configuration(job.getId()).list();
  }
}
